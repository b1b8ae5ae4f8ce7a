package io.emostream.model.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contact-centre sentences per speaker role and emotion, made from templates and slot fillers
 * (format described at the top of {@code sentence-bank.txt}). Immutable and thread-safe.
 */
public final class SentenceBank {

  /** The bank that ships with the project. */
  public static final String DEFAULT_RESOURCE = "/io/emostream/model/corpus/sentence-bank.txt";

  private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");

  private final Map<String, List<String>> slots;
  private final Map<Role, Map<Emotion, List<String>>> templates;

  private SentenceBank(Map<String, List<String>> slots, Map<Role, Map<Emotion, List<String>>> templates) {
    this.slots = slots;
    this.templates = templates;
  }

  /** Loads the default bank from the classpath. */
  public static SentenceBank loadDefault() {
    try (InputStream in = SentenceBank.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Sentence bank resource " + DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** Parses bank lines; every role and emotion must have a template and every slot a filler. */
  static SentenceBank parse(List<String> lines) {
    Map<String, List<String>> slots = new HashMap<>();
    Map<Role, Map<Emotion, List<String>>> templates = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      templates.put(role, new EnumMap<>(Emotion.class));
    }
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("Sentence bank line " + lineNo + " has no ':' — expected "
            + "'@slot: a | b' or '<role> <emotion>: template': " + raw);
      }
      String head = line.substring(0, colon).strip();
      String body = line.substring(colon + 1).strip();
      if (head.startsWith("@")) {
        List<String> fillers = slots.computeIfAbsent(head.substring(1), k -> new ArrayList<>());
        for (String filler : body.split("\\|")) {
          fillers.add(filler.strip());
        }
      } else {
        String[] parts = head.split("\\s+");
        if (parts.length != 2) {
          throw new IllegalArgumentException("Sentence bank line " + lineNo + " must start with '<role> <emotion>:': " + raw);
        }
        templates.get(Role.fromLabel(parts[0])).computeIfAbsent(Emotion.fromLabel(parts[1]), k -> new ArrayList<>()).add(body);
      }
    }
    SentenceBank bank = new SentenceBank(freeze(slots), freezeTemplates(templates));
    bank.validate();
    return bank;
  }

  /** A sentence for {@code role} and {@code emotion}, drawn with {@code random}. */
  public String sample(Role role, Emotion emotion, Random random) {
    List<String> options = templates(role, emotion);
    return fill(options.get(random.nextInt(options.size())), random);
  }

  /** The templates of one role and emotion (unfilled). */
  public List<String> templates(Role role, Emotion emotion) {
    return templates.get(role).get(emotion);
  }

  /** Every sentence {@code template} can produce: the product of its slots' fillers. */
  public List<String> expand(String template) {
    Matcher m = SLOT.matcher(template);
    if (!m.find()) {
      return List.of(template);
    }
    List<String> out = new ArrayList<>();
    for (String filler : slots.get(m.group(1))) {
      String once = template.substring(0, m.start()) + filler + template.substring(m.end());
      out.addAll(expand(once));
    }
    return out;
  }

  private String fill(String template, Random random) {
    StringBuilder out = new StringBuilder();
    Matcher m = SLOT.matcher(template);
    while (m.find()) {
      List<String> fillers = slots.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(fillers.get(random.nextInt(fillers.size()))));
    }
    m.appendTail(out);
    return capitalise(out.toString());
  }

  /** A slot at the start of a sentence gives a lower-case first letter; speech doesn't care, text does. */
  private static String capitalise(String sentence) {
    return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }

  private void validate() {
    for (Role role : Role.values()) {
      for (Emotion emotion : Emotion.values()) {
        List<String> list = templates.get(role).get(emotion);
        if (list == null || list.isEmpty()) {
          throw new IllegalArgumentException("Sentence bank has no '" + role.label() + " " + emotion.label() + "' template");
        }
        for (String template : list) {
          Matcher m = SLOT.matcher(template);
          while (m.find()) {
            if (!slots.containsKey(m.group(1))) {
              throw new IllegalArgumentException("Template '" + template + "' uses undeclared slot {" + m.group(1)
                  + "}: declare it with '@" + m.group(1) + ": a | b'");
            }
          }
        }
      }
    }
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> slots) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    slots.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }

  private static Map<Role, Map<Emotion, List<String>>> freezeTemplates(Map<Role, Map<Emotion, List<String>>> in) {
    Map<Role, Map<Emotion, List<String>>> out = new EnumMap<>(Role.class);
    in.forEach((role, byEmotion) -> {
      Map<Emotion, List<String>> copy = new EnumMap<>(Emotion.class);
      byEmotion.forEach((e, list) -> copy.put(e, List.copyOf(list)));
      out.put(role, copy);
    });
    return out;
  }
}
