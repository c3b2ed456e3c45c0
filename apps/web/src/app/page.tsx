import Link from 'next/link';

export default function HomePage() {
  return (
    <main>
      <h1>Enkät – anonyma personalenkäter</h1>
      <p>
        Här svarar medarbetare på enkäter utan att någon, inte heller administratörerna, kan se vem som sagt vad. Inga
        svar sparas med namn, e-postadress, IP-adress eller klockslag.
      </p>
      <p>Har du fått en kod? Gå till länken i din inbjudan och skriv in koden där.</p>
      <p>
        <Link className="button" href="/admin">
          Till administrationen
        </Link>
      </p>
    </main>
  );
}
