/**
 * The only script on the respondent pages, and optional: an invitation link may carry the
 * code in its fragment (/s/abc#kod=ABCD-EFGH-JKMN), which browsers never send to a server or
 * write to a log. This copies it into the code field and takes it out of the address bar.
 * Without JavaScript the respondent types the code instead.
 */
export const FRAGMENT_CODE_SCRIPT =
  "(function(){var m=/[#&]kod=([^&]*)/.exec(location.hash),f=document.getElementById('code');" +
  "if(m&&f){f.value=decodeURIComponent(m[1]);if(history.replaceState)history.replaceState(null,'',location.pathname);}})();";
