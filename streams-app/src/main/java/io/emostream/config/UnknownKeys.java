package io.emostream.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the keys under emostream's own prefixes that name no setting, and fails with a message
 * that names, for each, the closest valid key: {@code inference.max-bach} is a typo of
 * {@code inference.max-batch}, not a setting to pass to Kafka.
 */
final class UnknownKeys {

  private UnknownKeys() {}

  /**
   * @param keys     the keys given
   * @param declared every valid key
   * @throws ConfigException naming each unknown key and its closest valid key
   */
  static void check(Collection<String> keys, Set<String> declared) {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(keys)) {
      if (EmostreamConfigDef.isOwn(key) && !declared.contains(key)
          && !EmostreamConfigDef.DEPRECATED.containsKey(key) && !AlertKeys.isOverride(key)) {
        problems.add(describe(key, declared));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join(" ", problems) + " Run 'emostream config' to list every setting.");
    }
  }

  private static String describe(String key, Set<String> declared) {
    if (key.startsWith(AlertKeys.TENANT_PREFIX) || key.startsWith(AlertKeys.QUEUE_PREFIX)) {
      String prefix = key.startsWith(AlertKeys.TENANT_PREFIX) ? AlertKeys.TENANT_PREFIX : AlertKeys.QUEUE_PREFIX;
      String name = key.indexOf('.', prefix.length()) >= 0 ? key.substring(prefix.length(), key.lastIndexOf('.')) : "<name>";
      List<String> candidates = AlertKeys.RULES.stream().map(r -> prefix + name + "." + r).toList();
      return "unknown setting " + key + " names no alert rule (use " + prefix + "<name>.<rule> with <rule> one of "
          + AlertKeys.RULES + "); did you mean " + closest(key, candidates) + "?";
    }
    return "unknown setting " + key + "; did you mean " + closest(key, declared) + "?";
  }

  /** The candidate with the fewest edits from {@code key}; ties go to the alphabetically first. */
  static String closest(String key, Collection<String> candidates) {
    return candidates.stream()
        .min(Comparator.comparingInt((String c) -> distance(key, c)).thenComparing(c -> c))
        .orElseThrow();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
