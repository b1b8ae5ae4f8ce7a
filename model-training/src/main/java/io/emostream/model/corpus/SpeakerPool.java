package io.emostream.model.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws the corpus's espeak-ng and festival/flite speakers and assigns them to speaker-disjoint splits. About a third are
 * agents; each role is split 70/15/15 on its own so that every split has agents and customers.
 */
public final class SpeakerPool {

  /** Fewest speakers that give every split at least one agent and one customer. */
  public static final int MIN_SPEAKERS = 6;

  private SpeakerPool() {}

  /** {@code count} distinct speakers (accent and variant pairs), reproducible from {@code seed}. */
  public static List<Speaker> create(VoiceCatalog catalog, int count, long seed) {
    int combinations = catalog.languages().size() * catalog.variants().size();
    if (count < MIN_SPEAKERS || count > combinations) {
      throw new IllegalArgumentException("--speakers must be between " + MIN_SPEAKERS + " and " + combinations
          + " (accents x variants of the installed espeak-ng), got " + count);
    }
    Random random = new Random(seed);
    List<int[]> pairs = new ArrayList<>();
    for (int l = 0; l < catalog.languages().size(); l++) {
      for (int v = 0; v < catalog.variants().size(); v++) {
        pairs.add(new int[] {l, v});
      }
    }
    // spread variants: every variant once before any twice, so timbres vary as much as they can
    Collections.shuffle(pairs, random);
    Map<int[], Integer> rank = new IdentityHashMap<>();
    Map<Integer, Integer> seen = new HashMap<>();
    for (int[] pair : pairs) {
      rank.put(pair, seen.merge(pair[1], 1, Integer::sum));
    }
    pairs.sort(Comparator.comparingInt(rank::get));
    int agents = Math.max(3, (int) Math.round(count / 3.0));
    List<Speaker> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int[] pair = pairs.get(i);
      Role role = i < agents ? Role.AGENT : Role.CUSTOMER;
      out.add(new Speaker(String.format("spk%03d", i + 1), role, catalog.languages().get(pair[0]),
          catalog.variants().get(pair[1]), 0.9 + 0.2 * random.nextDouble(), 0.9 + 0.2 * random.nextDouble(), null));
    }
    return assignSplits(out, random);
  }

  /**
   * {@code count} festival and flite speakers (each voice in turn, with personal pitch and rate
   * offsets), numbered after the {@code firstNumber - 1} espeak-ng speakers and split 70/15/15 per
   * role like them; reproducible from {@code seed}.
   */
  public static List<Speaker> createExternal(int count, int firstNumber, long seed) {
    if (count < MIN_SPEAKERS) {
      throw new IllegalArgumentException("festival and flite need at least " + MIN_SPEAKERS
          + " speakers so every split has an agent and a customer of theirs, got " + count);
    }
    Random random = new Random(seed ^ 0x7E57E57EL);
    ExternalVoice[] voices = ExternalVoice.values();
    int agents = Math.max(3, (int) Math.round(count / 3.0));
    List<Speaker> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // agents and customers both cycle through the voices, so each role hears every voice
      ExternalVoice voice = voices[(i < agents ? i : i - agents) % voices.length];
      Role role = i < agents ? Role.AGENT : Role.CUSTOMER;
      out.add(new Speaker(String.format("spk%03d", firstNumber + i), role, "en-us", null,
          0.9 + 0.2 * random.nextDouble(), 0.9 + 0.2 * random.nextDouble(), null, voice));
    }
    return assignSplits(out, random);
  }

  private static List<Speaker> assignSplits(List<Speaker> speakers, Random random) {
    List<Speaker> out = new ArrayList<>();
    for (Role role : Role.values()) {
      List<Speaker> ofRole = new ArrayList<>(speakers.stream().filter(s -> s.role() == role).toList());
      Collections.shuffle(ofRole, random);
      int n = ofRole.size();
      int dev = Math.max(1, (int) Math.round(n * CorpusSplit.DEV.share()));
      int test = Math.max(1, (int) Math.round(n * CorpusSplit.TEST.share()));
      for (int i = 0; i < n; i++) {
        CorpusSplit split = i < test ? CorpusSplit.TEST : i < test + dev ? CorpusSplit.DEV : CorpusSplit.TRAIN;
        out.add(ofRole.get(i).inSplit(split));
      }
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return List.copyOf(out);
  }
}
