package io.emostream.model.corpus;

import java.util.List;

/**
 * An espeak-ng voice variant ({@code voices/!v/<name>}) that gives a speaker its timbre: the
 * formant, tone and gender lines are kept, while pitch, roughness, breath and voicing are
 * rewritten per utterance by {@link VariantFile}.
 *
 * @param name       variant name, e.g. {@code f3}
 * @param lines      the file's lines, unmodified
 * @param pitchLowHz the variant's base pitch (82 Hz when the file sets none, as in espeak-ng)
 * @param pitchHighHz the top of the variant's pitch range (118 Hz when unset)
 */
public record BaseVariant(String name, List<String> lines, int pitchLowHz, int pitchHighHz) {

  /** Parses a variant file's lines, reading its {@code pitch <low> <high>} line. */
  public static BaseVariant parse(String name, List<String> lines) {
    int low = 82;
    int high = 118;
    for (String line : lines) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length >= 3 && parts[0].equals("pitch")) {
        low = Integer.parseInt(parts[1]);
        high = Integer.parseInt(parts[2]);
      }
    }
    return new BaseVariant(name, List.copyOf(lines), low, high);
  }
}
