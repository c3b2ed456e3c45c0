import type { TLanguage } from '@enkat/survey-schema';

/**
 * What the export writers take: plain tables and rows, already counted and already
 * suppressed. The writers decide nothing about anonymity; they only make sure that what they
 * are given is written faithfully, with every text defused (see defuse.ts).
 */

/**
 * A cell the wave's disclosure control hides; written as its `marker` (the reason, e.g. "dold
 * för att skydda en liten grupp") or else as `TExportHeader.suppressedMarker` ("färre än 5 svar").
 */
export interface TSuppressed {
  suppressed: true;
  marker?: string;
}

/** null is an empty cell; numbers stay numbers in XLSX, and CSV writes them without thousands separators. */
export type TCell = string | number | null | TSuppressed;

/**
 * How a column's numbers are meant: `percent` is 0–100 (72.8), shown with one decimal;
 * `margin` is a margin of error in percentage points (6.1), shown as "±6,1" where a page shows it.
 */
export type TColumnKind = 'text' | 'integer' | 'percent' | 'number' | 'margin';

export interface TExportColumn {
  label: string;
  kind?: TColumnKind;
}

/** The lines every export starts with, in the survey's language. */
export interface TExportHeader {
  language: TLanguage;
  /** Survey and wave, e.g. "Socialtjänstenkäten 2012". */
  title: string;
  waveName: string;
  /** The calendar date of the export, YYYY-MM-DD (a date, never a time of day). */
  exportedOn: string;
  /** One sentence: which groups are hidden and why (see exportHeaderTexts). */
  minGroupRule: string;
  /** One sentence saying how suppressed cells are written. */
  suppressedNote: string;
  /** What a suppressed cell says, e.g. "färre än 5 svar". */
  suppressedMarker: string;
  /** What a cell hidden to protect a small group says: "dold för att skydda en liten grupp". */
  protectedMarker: string;
  /** Codes issued after answering began, and by whom (padding); absent when there were none. */
  lateCodes?: string;
  /** Answers, population and response rate: "185 svar av 640 inbjudna · svarsfrekvens 28,9 %". */
  responses?: string;
}

/** One question's table: a sheet of its own in XLSX, a block in CSV and PDF. */
export interface TExportTable {
  /** Wanted sheet name; shortened and made unique by the XLSX writer. */
  sheetName: string;
  /** The question text. */
  title: string;
  columns: TExportColumn[];
  rows: TCell[][];
  /** Rows after the table body, such as "Totalt": printed, never charted. */
  footer?: TCell[][];
  notes?: string[];
  /** How many answered the question, for the summary sheet. */
  total?: number | TSuppressed | null;
  /** A bar per body row: column 0 is the label, `valueColumn` the bar (0–`max`, default 100). */
  chart?: { valueColumn: number; max?: number };
}

/**
 * One question of the PDF report, numbered as the results page numbers it (1, 2, 3 … in the
 * order of the question set, free text included).
 */
export interface TReportQuestion {
  number: number;
  /** The question text. */
  title: string;
  /** Short paragraphs under the title: how many wrote a comment, when comments are shown. */
  lines: string[];
  /** The question's table and chart, without breakdown columns; notes say why one is withheld. */
  table?: TExportTable;
  /** The breakdown: a row per option and a column per group of the background question, hidden groups included. */
  breakdown?: TExportTable;
  /** The comments themselves, where the wave's rules let them be listed (already redacted). */
  comments: string[];
}

/** Report questions may come from a list or be produced one at a time. */
export type TReportQuestions = Iterable<TReportQuestion> | AsyncIterable<TReportQuestion>;

/** A raw response cell: option labels, codes or free text; never a timestamp. */
export type TRawCell = string | number | null;

/**
 * The anonymized responses, one row per response with a cell per column. The caller
 * guarantees random order; rows are read one at a time so they can come from a database cursor.
 */
export interface TRawResponses {
  columns: string[];
  rows: Iterable<TRawCell[]> | AsyncIterable<TRawCell[]>;
}

/** Tables may come from a list or be produced one at a time. */
export type TTables = Iterable<TExportTable> | AsyncIterable<TExportTable>;

export function isSuppressed(cell: TCell): cell is TSuppressed {
  return typeof cell === 'object' && cell !== null && cell.suppressed === true;
}

/** The text a hidden cell is written as. */
export function markerOf(cell: TSuppressed, suppressedMarker: string): string {
  return cell.marker ?? suppressedMarker;
}

/** The standard wording of the rule and the marker for a minimum reporting group. */
export function exportHeaderTexts(
  language: TLanguage,
  minGroupSize: number,
): Pick<TExportHeader, 'minGroupRule' | 'suppressedNote' | 'suppressedMarker' | 'protectedMarker'> {
  if (language === 'en') {
    const marker = `fewer than ${minGroupSize} responses`;
    const protectedMarker = 'hidden to protect a small group';
    return {
      minGroupRule: `Groups with fewer than ${minGroupSize} responses are not shown; cells that could reveal them are hidden too.`,
      suppressedNote: `Hidden cells read “${marker}” or “${protectedMarker}”.`,
      suppressedMarker: marker,
      protectedMarker,
    };
  }
  const marker = `färre än ${minGroupSize} svar`;
  const protectedMarker = 'dold för att skydda en liten grupp';
  return {
    minGroupRule: `Grupper med färre än ${minGroupSize} svar visas inte; celler som kunde avslöja dem är också dolda.`,
    suppressedNote: `Dolda celler anges som ”${marker}” eller ”${protectedMarker}”.`,
    suppressedMarker: marker,
    protectedMarker,
  };
}
