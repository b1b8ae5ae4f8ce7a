package io.emostream.model.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The English accents and voice variants the corpus draws speakers from. Variants whose files
 * are missing from the installed espeak-ng are skipped, so a smaller espeak build still works.
 *
 * @param languages espeak-ng English voices (accents)
 * @param variants  variants read from the installed {@code espeak-ng-data/voices/!v}
 */
public record VoiceCatalog(List<String> languages, List<BaseVariant> variants) {

  /** English accents shipped with Debian's espeak-ng 1.51. */
  public static final List<String> ENGLISH = List.of("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp",
      "en-029", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-us-nyc");

  /** Human-sounding variants (the robot, whisper and klatt ones are left out on purpose). */
  public static final List<String> VARIANTS = List.of("f1", "f2", "f3", "f4", "f5", "m1", "m2", "m3", "m4",
      "m5", "m6", "m7", "m8", "Annie", "belinda", "linda", "steph", "Andrea", "Alicia", "paul", "robert",
      "travis", "Mike");

  public VoiceCatalog {
    if (languages.isEmpty() || variants.isEmpty()) {
      throw new IllegalArgumentException("a voice catalog needs at least one language and one variant");
    }
    languages = List.copyOf(languages);
    variants = List.copyOf(variants);
  }

  /** Reads {@link #VARIANTS} from {@code dataDir/voices/!v}; fails when none is there. */
  public static VoiceCatalog load(Path dataDir) {
    Path dir = dataDir.resolve("voices").resolve("!v");
    List<BaseVariant> found = new ArrayList<>();
    for (String name : VARIANTS) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          found.add(BaseVariant.parse(name, Files.readAllLines(file, StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read espeak-ng variant " + file, e);
        }
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("No espeak-ng voice variants in " + dir
          + ": is espeak-ng-data complete? Reinstall with `apt-get install --reinstall espeak-ng-data`");
    }
    return new VoiceCatalog(ENGLISH, found);
  }
}
