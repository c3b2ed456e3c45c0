import { describe, expect, it } from 'vitest';
import { html } from './html';

describe('html', () => {
  it('escapes what respondents typed wherever it is shown', () => {
    const typed = '<script>alert("x")</script> & \'citat\'';
    expect(String(html`<p title="${typed}">${typed}</p>`)).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;citat&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;citat&#39;</p>',
    );
  });

  it('keeps nested templates and lists as HTML, and leaves out empty values', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(String(html`<ul>${items}${null}${false}${undefined}</ul>`)).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });
});
