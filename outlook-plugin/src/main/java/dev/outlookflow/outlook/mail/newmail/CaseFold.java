package dev.outlookflow.outlook.mail.newmail;

/**
 * Text made comparable regardless of case, the same in every locale: each code point upper-cased and then
 * lower-cased on its own (Unicode's simple case folding, near enough), so that {@code Σ}, {@code σ} and a final
 * {@code ς} are one letter, as are {@code K} and the Kelvin sign, and a Turkish default locale changes nothing. A
 * whole-string {@code toLowerCase} would not do: it lower-cases a {@code Σ} by its place in the word, so a filter's
 * text and a subject's could differ around the same letters. Full folding ({@code ß} as {@code ss}) is not done:
 * it changes lengths.
 */
final class CaseFold {
  private CaseFold() {}

  static String of(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    text.codePoints().map(c -> Character.toLowerCase(Character.toUpperCase(c))).forEach(folded::appendCodePoint);
    return folded.toString();
  }
}
