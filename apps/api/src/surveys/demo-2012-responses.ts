import { questionsOf, type TAnswers, TEMPLATE_2012 } from '@enkat/survey-schema';

/**
 * SYNTHETIC demo answers for the 2012 wave of Socialtjänstenkäten. These are NOT the real 2012
 * answers (those were never published): they are generated so that counting them reproduces the
 * report's per-question tables for questions 1–6 exactly (see shared reference enkat-2012.md),
 * which lets the demo and the results tables be checked against the golden data.
 *
 * - 185 answer sets, as many as answered in 2012. Each table below lists the options as printed
 *   (label → count) with its "Totalt"; the rest of the 185 skipped that question.
 * - Labels are looked up in TEMPLATE_2012, so a label that is not an option there throws.
 * - Who gets which answer is shuffled per question with a seeded PRNG (mulberry32, SEED), so the
 *   output is the same on every run and answers are independent of each other and of position.
 *   Cross-tabulations therefore show no real pattern: they are demo data, not findings.
 * - Background (reconstructed questions 9–11, not in the report): chosen so that breakdowns have
 *   both large groups and groups under the minimum reporting group of 5:
 *     q9 role   Socialsekreterare 156 · Biståndsbedömare 22 · Annan 3 · skipped 4
 *     q10 area  Ekonomiskt bistånd 98 · Barn och unga 47 · Vuxna/missbruk 30 · Annat 4 · skipped 6
 *     q11 years Mindre än 2 år 29 · 2–5 år 61 · 6–10 år 47 · Mer än 10 år 40 · skipped 8
 * - Free text (36 answers): q7 holds the report's six quotes verbatim plus invented ones (11); q8
 *   invented comments on the report's six themes (15); q12 closing comments (10, just enough for
 *   the free-text minimum group of 10), four of which hold invented personal data for the
 *   highlighting to find: a phone number, an e-mail address, the Tax Agency's test personnummer
 *   121212-1212, and a name ("Karin Exempelsson") for an editor's list of names.
 */

const RESPONDENTS = 185;
const SEED = 20120322;

type TTable = { question: string; total: number; rows: readonly (readonly [label: string, count: number])[] };

const SCALE = ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Instämmer inte alls', 'Vet ej'] as const;
const scaleRows = (...counts: number[]) => counts.map((count, i) => [SCALE[i] ?? '?', count] as const);

/** The published tables, as printed in the report. */
const PUBLISHED: readonly TTable[] = [
  {
    question: 'q1',
    total: 180,
    rows: [
      ['Ja', 131],
      ['Nej', 31],
      ['Vet ej', 18],
    ],
  },
  { question: 'q2', total: 182, rows: scaleRows(51, 101, 19, 8, 3) },
  { question: 'q3', total: 180, rows: scaleRows(58, 88, 17, 7, 10) },
  { question: 'q4', total: 182, rows: scaleRows(47, 86, 14, 7, 28) },
  { question: 'q5', total: 183, rows: scaleRows(28, 113, 25, 9, 8) },
  { question: 'q6', total: 183, rows: scaleRows(26, 62, 41, 53, 1) },
];

/** Invented: large groups, and groups of 3 and 4 that breakdowns must suppress. */
const BACKGROUND: readonly TTable[] = [
  {
    question: 'q9',
    total: 181,
    rows: [
      ['Socialsekreterare', 156],
      ['Biståndsbedömare', 22],
      ['Annan', 3],
    ],
  },
  {
    question: 'q10',
    total: 179,
    rows: [
      ['Ekonomiskt bistånd', 98],
      ['Barn och unga', 47],
      ['Vuxna/missbruk', 30],
      ['Annat', 4],
    ],
  },
  {
    question: 'q11',
    total: 177,
    rows: [
      ['Mindre än 2 år', 29],
      ['2–5 år', 61],
      ['6–10 år', 47],
      ['Mer än 10 år', 40],
    ],
  },
];

const FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
  q7: [
    // The six quotes in the report, verbatim (including its spelling).
    'Budget verkar gå före klientens behov',
    'Vi får inte göra professionella individuella bedömningar utan måste förhålla oss till hårda riktlinjer som ett tak. Inte bevilja extra där vi ser att det behövs',
    'Bedömningarna anpassas till det ekonomiska läget och utrymme för det individuella perspektivet blir mindre och mindre',
    'Lite mer tid skulle minska risken för felaktiga bedömningar, felaktiga utbetalningar (som i slutändan drabbar klienten som ska återbetala)',
    'Anser att rättsäkerheten sviktar beroende på stadsdelens ekonomiska status',
    'Jag upplever inte att vi gör det i den mån vi ska göra det, eller i den mån vi själva önskar göra det.',
    // Invented.
    'Rättssäkerheten blir lidande när vi inte hinner utreda ordentligt. Besluten fattas på för tunt underlag.',
    'Vi klarar det på pappret, men kvaliteten i utredningarna har blivit sämre de senaste åren.',
    'Det skiljer mycket mellan stadsdelarna. Samma ansökan kan få olika beslut beroende på var man bor.',
    'Riktlinjerna tolkas allt snävare och det är svårt att få gehör för undantag hos chefen.',
    'Någorlunda, men bara för att vi arbetar över. Med de resurser vi har räcker det inte.',
  ],
  q8: [
    // Ökad administration, dokumentation och kontroll
    'Mer och mer tid går till dokumentation och uppföljning av nyckeltal. Varje beslut ska kontrolleras i flera led.',
    'Administrationen har ökat kraftigt med nya system och blanketter, men ingen tid tas bort någon annanstans.',
    'Fler kontrollfunktioner och rapporteringskrav. Dokumentationen tar ibland längre tid än själva mötet med klienten.',
    // Mindre tid för klientarbete
    'Det blir allt mindre tid för klientmöten. Hembesök hinner vi nästan aldrig med längre.',
    'Jag träffar mina klienter mer sällan än för några år sedan och det motiverande arbetet får stå tillbaka.',
    // Fler och tyngre ärenden
    'Fler ärenden per handläggare och tyngre ärenden: fler med både psykisk ohälsa och missbruk.',
    'Ärendemängden har ökat stadigt. Jag har i dag nästan dubbelt så många ärenden som när jag började.',
    'Belastningen har ökat märkbart de senaste tre åren och personalomsättningen är hög, så ärendena blir kvar hos dem som stannar.',
    // Minskad administrativ personal
    'Assistenterna har försvunnit, så nu sköter vi själva utbetalningar, arkivering och telefontider.',
    'När den administrativa personalen drogs ned hamnade deras uppgifter hos oss socialsekreterare.',
    // Bostadsbrist försvårar arbetet
    'Bostadsbristen gör att vi lägger mycket tid på akuta boendelösningar som inte leder någonstans.',
    'Många klienter bor i andra hand eller på vandrarhem. Utan bostad är det svårt att komma vidare med något annat.',
    // Arbetets tyngd kopplad till arbetsmarknaden
    'Arbetsbelastningen följer arbetsmarknaden: när jobben blir färre kommer fler ansökningar och biståndstiderna blir längre.',
    'Fler som utförsäkrats från Försäkringskassan och fler unga som aldrig haft ett arbete söker bistånd hos oss.',
    'Det går inte att planera ut någon till arbete när det inte finns några arbeten. Det gör ärendena tyngre för alla.',
  ],
  q12: [
    'Bra att enkäten görs. Hoppas att resultatet når politikerna.',
    'Ring mig gärna på 08-123 45 67 om ni vill höra mer om hur det ser ut på vår enhet.',
    'Jag ställer gärna upp i en uppföljande intervju, min e-post är a.exempelsson@example.se',
    'Enkäten borde även ha gått till enhetscheferna.',
    'Tack för att ni lyfter frågan. Det behövs.',
    'Svårt att svara på vissa frågor eftersom det skiljer sig mellan enheterna i stadsdelen.',
    'Vi behöver fler kollegor, inte fler riktlinjer.',
    'Min chef Karin Exempelsson gör så gott hon kan, men hon har själv för många medarbetare.',
    'Skriv gärna till mig om uppföljningen, mitt personnummer är 121212-1212 om ni behöver det.',
    'Mer handledning och tid för reflektion skulle göra stor skillnad.',
  ],
};

/** mulberry32: 32-bit integer arithmetic only, so every engine gives the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function optionId(questionId: string, label: string): string {
  const question = questionsOf(TEMPLATE_2012).find((q) => q.id === questionId);
  if (!question || question.type === 'free_text')
    throw new Error(`No choice question "${questionId}" in TEMPLATE_2012`);
  const option = question.options.find((o) => o.label === label);
  if (!option) throw new Error(`No option "${label}" in question "${questionId}" of TEMPLATE_2012`);
  return option.id;
}

/** One value (or undefined = skipped) per respondent, in shuffled order. */
function choiceColumn(table: TTable, random: () => number): (string | undefined)[] {
  const answered = table.rows.reduce((sum, [, count]) => sum + count, 0);
  if (answered !== table.total || answered > RESPONDENTS)
    throw new Error(
      `Table for ${table.question} adds up to ${answered}; its Totalt is ${table.total} and at most ${RESPONDENTS}`,
    );
  const values = table.rows.flatMap(([label, count]) => Array<string>(count).fill(optionId(table.question, label)));
  return shuffle(padded(values), random);
}

function textColumn(questionId: string, texts: readonly string[], random: () => number): (string | undefined)[] {
  const question = questionsOf(TEMPLATE_2012).find((q) => q.id === questionId);
  if (question?.type !== 'free_text') throw new Error(`No free-text question "${questionId}" in TEMPLATE_2012`);
  return shuffle(padded(texts), random);
}

/** The values followed by "skipped" up to one entry per respondent (no holes in the array). */
function padded(values: readonly string[]): (string | undefined)[] {
  return [...values, ...Array<undefined>(RESPONDENTS - values.length).fill(undefined)];
}

/** The 185 synthetic answer sets; identical on every call. Each set holds only answered questions. */
export function demo2012Responses(): TAnswers[] {
  const random = mulberry32(SEED);
  const columns = new Map<string, (string | undefined)[]>();
  for (const table of [...PUBLISHED, ...BACKGROUND]) columns.set(table.question, choiceColumn(table, random));
  for (const [question, texts] of Object.entries(FREE_TEXT)) columns.set(question, textColumn(question, texts, random));

  const questionIds = questionsOf(TEMPLATE_2012).map((q) => q.id);
  return Array.from({ length: RESPONDENTS }, (_, respondent) => {
    const answers: TAnswers = {};
    for (const id of questionIds) {
      const value = columns.get(id)?.[respondent];
      if (value !== undefined) answers[id] = value;
    }
    return answers;
  });
}
