package io.emostream.model.data;

import java.util.Locale;

/** The part of a corpus an example belongs to. Speakers never cross splits in our readers. */
public enum Split {
  TRAIN, DEV, TEST;

  /** Parses {@code train | dev | test} (case-insensitive; {@code valid}/{@code validation} mean dev). */
  public static Split parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "train" -> TRAIN;
      case "dev", "valid", "validation" -> DEV;
      case "test" -> TEST;
      default -> throw new IllegalArgumentException("split '" + text + "' is not valid: use train, dev or test");
    };
  }

  /** Lower-case name as written in manifests and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
