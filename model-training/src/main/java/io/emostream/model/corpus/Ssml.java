package io.emostream.model.corpus;

/** Turns a sentence into espeak-ng SSML with the utterance's pauses at commas and sentence ends. */
final class Ssml {

  private Ssml() {}

  /** {@code text} with a {@code pauseMs} break after each comma and 1.5 times that between sentences. */
  static String withPauses(String text, int pauseMs) {
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    String comma = "<break time=\"" + pauseMs + "ms\"/>";
    String full = "<break time=\"" + (pauseMs * 3 / 2) + "ms\"/>";
    String marked = escaped
        .replaceAll(",\\s+", ", " + comma + " ")
        .replaceAll("([.!?])\\s+(?=\\S)", "$1 " + full + " ");
    return "<speak>" + marked + "</speak>";
  }
}
