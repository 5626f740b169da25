// The print pages' button: it opens the browser's print dialog, where
// "Save as PDF" is. Without scripts the button stays hidden, and the
// page's hint says to use the browser's Print command.
const button = document.querySelector(".print-button");
if (button) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
