package io.emostream.model.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Decides every utterance of a corpus: split sizes follow the speakers' 70/15/15 split, labels are
 * balanced exactly within each split, each label gets its share of conflicting items, and the
 * role, synthesiser, speaker, sentence, prosody and ASR noise are drawn from one seeded generator.
 */
public final class CorpusPlanner {

  private final SentenceBank bank;

  public CorpusPlanner(SentenceBank bank) {
    this.bank = bank;
  }

  /** The plans of a corpus of {@code config.utterances()} items spoken by {@code speakers}. */
  public List<UtterancePlan> plan(CorpusConfig config, List<Speaker> speakers) {
    Random random = new Random(config.seed() ^ 0x5DEECE66DL);
    List<Slot> slots = new ArrayList<>();
    int remaining = config.utterances();
    for (CorpusSplit split : CorpusSplit.values()) {
      int n = split == CorpusSplit.TEST ? remaining : (int) Math.round(config.utterances() * split.share());
      remaining -= n;
      slots.addAll(slotsOfSplit(split, n, slots.size(), config.conflictShare()));
    }
    Collections.shuffle(slots, random);
    List<UtterancePlan> plans = new ArrayList<>(slots.size());
    for (int i = 0; i < slots.size(); i++) {
      plans.add(plan(i, slots.get(i), speakers, config, random));
    }
    return plans;
  }

  private record Slot(CorpusSplit split, Emotion label, boolean conflicting) {}

  /**
   * {@code n} slots whose labels continue the rotation from slot {@code offset}, so labels are
   * balanced within each split and, to within one, over the whole corpus; the first share of each
   * label's slots in the split are the conflicting ones (their order is shuffled later).
   */
  private static List<Slot> slotsOfSplit(CorpusSplit split, int n, int offset, double conflictShare) {
    Emotion[] labels = Emotion.values();
    int[] ofLabel = new int[labels.length];
    for (int k = 0; k < n; k++) {
      ofLabel[(offset + k) % labels.length]++;
    }
    List<Slot> out = new ArrayList<>(n);
    for (int l = 0; l < labels.length; l++) {
      int conflicting = (int) Math.round(ofLabel[l] * conflictShare);
      for (int k = 0; k < ofLabel[l]; k++) {
        out.add(new Slot(split, labels[l], k < conflicting));
      }
    }
    return out;
  }

  private UtterancePlan plan(int index, Slot slot, List<Speaker> speakers, CorpusConfig config, Random random) {
    Emotion text = slot.label();
    Emotion voice = slot.label();
    if (slot.conflicting()) {
      List<LabelRule.Conflict> options = LabelRule.conflictsLabelled(slot.label());
      LabelRule.Conflict conflict = options.get(random.nextInt(options.size()));
      text = conflict.text();
      voice = conflict.voice();
    }
    Role role = random.nextDouble() < customerShare(slot.label()) ? Role.CUSTOMER : Role.AGENT;
    // drawn only when other voices are asked for, so an espeak-only plan is the same as before
    boolean external = config.otherShare() > 0 && random.nextDouble() < config.otherShare();
    List<Speaker> candidates = speakers.stream()
        .filter(s -> s.split() == slot.split() && s.role() == role && (s.external() != null) == external).toList();
    Speaker speaker = candidates.get(random.nextInt(candidates.size()));
    String spoken = bank.sample(role, text, random);
    String transcript = Tokens.transcript(spoken);
    boolean noisy = random.nextDouble() < config.asrNoiseShare();
    String seen = noisy ? AsrNoise.corrupt(transcript, random) : transcript;
    Prosody prosody = external ? null : ProsodySampler.sample(voice, speaker, random);
    VoiceEffects effects = external ? EffectsSampler.sample(voice, speaker, random) : null;
    return new UtterancePlan(index, String.format("syn-%05d", index + 1), speaker, slot.label(), text, voice, spoken,
        seen, noisy, prosody, effects, 80 + random.nextInt(171), 80 + random.nextInt(171), random.nextLong());
  }

  /** Customers carry most of the anger and sadness in contact-centre calls; agents are mostly calm or upbeat. */
  private static double customerShare(Emotion label) {
    return switch (label) {
      case ANGRY -> 0.85;
      case SAD -> 0.8;
      case NEUTRAL, HAPPY -> 0.55;
    };
  }
}
