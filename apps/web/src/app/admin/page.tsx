export const metadata = { title: 'Administration' };

export default function AdminHomePage() {
  return (
    <main>
      <h1>Administration</h1>
      <p>Här bygger administratörer enkäter, bjuder in svarande och läser resultat.</p>
    </main>
  );
}
