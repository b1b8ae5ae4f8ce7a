package io.emostream.model.corpus;

import java.util.List;
import java.util.Set;

/**
 * Writes the espeak-ng variant of one utterance: the speaker's base variant (timbre) with the
 * voice-quality lines replaced by the utterance's {@link Prosody}.
 */
final class VariantFile {

  /** Keywords this class owns; the base variant's own values for them are dropped. */
  private static final Set<String> REPLACED =
      Set.of("name", "pitch", "flutter", "roughness", "breath", "breathw", "voicing", "consonants", "tone");

  private VariantFile() {}

  /** The variant file's text, named {@code name}. */
  static String render(String name, BaseVariant base, Prosody p) {
    StringBuilder out = new StringBuilder("language variant\nname ").append(name).append('\n');
    List<String> lines = base.lines();
    for (String line : lines) {
      String trimmed = line.strip();
      String keyword = trimmed.split("\\s+")[0];
      if (trimmed.isEmpty() || trimmed.startsWith("//") || keyword.equals("language") || REPLACED.contains(keyword)) {
        continue;
      }
      out.append(trimmed).append('\n');
    }
    out.append("pitch ").append(p.pitchLowHz()).append(' ').append(p.pitchHighHz()).append('\n');
    out.append("flutter ").append(p.flutter()).append('\n');
    out.append("roughness ").append(p.roughness()).append('\n');
    out.append("voicing ").append(p.voicing()).append('\n');
    out.append("consonants ").append(p.consonants()).append('\n');
    // espeak's default tone is 600 Hz: 170, 1200 Hz: 135, 2000 Hz and up: 110; brightness scales the upper bands
    out.append("tone 600 170 1200 ").append(Math.min(255, 135 * p.brightness() / 100)).append(" 2000 ")
        .append(Math.min(255, 110 * p.brightness() / 100)).append('\n');
    if (p.breath() > 0) {
      int b = p.breath();
      out.append("breath ").append(b).append(' ').append(b).append(' ').append(b * 4 / 5).append(' ')
          .append(b * 3 / 5).append(' ').append(b / 3).append(' ').append(b / 5).append('\n');
    }
    return out.toString();
  }
}
