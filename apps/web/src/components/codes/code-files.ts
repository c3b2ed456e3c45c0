/** A code's own link: the code rides in the fragment, which browsers never send to a server. */
export function personalLink(address: string, code: string): string {
  return `${address}#kod=${code}`;
}

type TSurveyLanguage = 'sv' | 'en';

/** What a respondent is told with each code, on the slip and in the CSV, in the survey's language. */
export function codeInstruction(title: string, address: string, language: TSurveyLanguage = 'sv'): string {
  return language === 'en'
    ? `You are invited to answer ${title}. Open your personal link, or go to ${address} and type the code. The code works once, and nobody can see who got which code.`
    : `Du är inbjuden att svara på ${title}. Öppna din personliga länk, eller gå till ${address} och skriv in koden. Koden kan användas en gång, och ingen kan se vem som fick vilken kod.`;
}

const HEADERS: Record<TSurveyLanguage, string[]> = {
  sv: ['kod', 'adress', 'personlig länk', 'instruktion'],
  en: ['code', 'address', 'personal link', 'instruction'],
};

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The codes of one batch as a CSV file (RFC 4180, UTF-8 with BOM so Excel reads å, ä, ö). */
export function codesCsv(
  codes: readonly string[],
  { address, title, language = 'sv' }: { address: string; title: string; language?: TSurveyLanguage },
): string {
  const instruction = codeInstruction(title, address, language);
  const rows = [HEADERS[language], ...codes.map((code) => [code, address, personalLink(address, code), instruction])];
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Offers a file to the browser, built here: the codes never travel to the server again. */
export function download(filename: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
