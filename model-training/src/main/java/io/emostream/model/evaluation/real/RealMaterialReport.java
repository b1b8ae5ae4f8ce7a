package io.emostream.model.evaluation.real;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real-material evaluation's figures, in the order {@link #toMarkdown()} prints them. Shares
 * and accuracies are fractions in [0, 1]; {@link #toMetrics()} flattens them for JSON.
 *
 * @param sentenceSet   where the real sentences come from
 * @param sentences     how many were scored (text only, lexicon baselines, the first voice)
 * @param signAccuracy  valence-sign accuracy by row title (views, voices and baselines)
 * @param signN         sentences behind each {@code signAccuracy} row
 * @param versusText    each audio+text row against text only on the same sentences, sentence by
 *                      sentence (what the "fusion never hurts" comparison can tell apart from chance)
 * @param flatNeutral   NEUTRAL share of each flat synthetic voice heard alone (audio only), by voice:
 *                      the sentences are read without any prosody, so the voice itself says nothing
 * @param flatAngry     ANGRY share of the same
 * @param clips         real calm recorded clips scored
 * @param neutralShare  NEUTRAL share on them, by view title
 * @param angryShare    ANGRY share on them, by view title
 * @param angrySureShare share read ANGRY with a confidence that counts for an alert (the alert
 *                      rules' default {@code alerts.min-confidence}, 0.6), by view title
 * @param clipSources   the same shares for each source of clips (audio+text and audio only)
 * @param angryClips    each clip read ANGRY, one line per view that did
 * @param robustUtterances utterances rendered through every channel
 * @param robustAll     share whose label is the same through every acceptance channel, by view
 * @param robustByChannel share whose label matches the clean rendering, by view and channel
 * @param ece           expected calibration error by set title
 */
public record RealMaterialReport(String sentenceSet, int sentences, Map<String, Double> signAccuracy,
    Map<String, Integer> signN, Map<String, Uncertainty.Paired> versusText, Map<String, Double> flatNeutral,
    Map<String, Double> flatAngry, int clips, Map<String, Double> neutralShare, Map<String, Double> angryShare,
    Map<String, Double> angrySureShare, Map<String, CalmClipShares> clipSources, List<String> angryClips,
    int robustUtterances, Map<String, Double> robustAll, Map<String, Map<String, Double>> robustByChannel,
    Map<String, Double> ece) {

  /** The report as Markdown tables. */
  public String toMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Valence sign on %d real sentences never trained on (%s):%n%n", sentences,
        sentenceSet));
    b.append("| inputs | valence sign correct | n |\n|---|---:|---:|\n");
    signAccuracy.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.1f %% | %d |%n", k, 100 * v,
        signN.get(k))));
    b.append("\nAudio+text against text only on the same sentences (exact sign test over the sentences on which"
        + " they differ; p is the chance of a split this uneven if each difference were a coin toss):\n\n");
    b.append("| inputs | right only with the voice | right only with text only | p |\n|---|---:|---:|---:|\n");
    versusText.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f |%n", k, v.gains(),
        v.losses(), v.p())));
    b.append("\nThe same flat voices heard alone (audio only; read without prosody, so the voice says nothing):\n\n");
    b.append("| voice | NEUTRAL | ANGRY | n |\n|---|---:|---:|---:|\n");
    flatNeutral.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% | %d |%n", k, 100 * v,
        100 * flatAngry.get(k), signN.get("audio only, " + k))));
    b.append(String.format(Locale.ROOT, "%nReal calm recorded speech (%d clips; 95 %% Wilson intervals):%n%n", clips));
    b.append("| inputs | NEUTRAL | NEUTRAL, 95 % | ANGRY | ANGRY, 95 % | ANGRY with confidence >= 0.6 (counts for an"
        + " alert) |\n|---|---:|---:|---:|---:|---:|\n");
    neutralShare.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.1f %% | %s | %.1f %% | %s | %.1f %% |%n",
        k, 100 * v, interval(v), 100 * angryShare.get(k), interval(angryShare.get(k)), 100 * angrySureShare.get(k))));
    b.append("\nBy source:\n\n| source | clips | NEUTRAL, audio+text | ANGRY, audio+text | NEUTRAL, audio only"
        + " | ANGRY, audio only |\n|---|---:|---:|---:|---:|---:|\n");
    clipSources.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
        k, v.clips(), 100 * v.fusedNeutral(), 100 * v.fusedAngry(), 100 * v.audioNeutral(), 100 * v.audioAngry())));
    if (!angryClips.isEmpty()) {
      b.append("\nRead ANGRY:\n\n");
      angryClips.forEach(line -> b.append("- ").append(line).append('\n'));
    }
    b.append(String.format(Locale.ROOT, "%nChannel robustness (%d utterances; label equal to the clean"
        + " rendering's):%n%n", robustUtterances));
    b.append("| inputs | every channel | ");
    String first = robustByChannel.keySet().iterator().next();
    robustByChannel.get(first).keySet().forEach(c -> b.append(c).append(" | "));
    b.append("\n|---|---:|");
    robustByChannel.get(first).keySet().forEach(c -> b.append("---:|"));
    b.append('\n');
    robustByChannel.forEach((view, byChannel) -> {
      b.append(String.format(Locale.ROOT, "| %s | %.1f %% | ", view, 100 * robustAll.get(view)));
      byChannel.values().forEach(v -> b.append(String.format(Locale.ROOT, "%.1f %% | ", 100 * v)));
      b.append('\n');
    });
    b.append("\nExpected calibration error (15 bins):\n\n| set | ECE |\n|---|---:|\n");
    ece.forEach((k, v) -> b.append(String.format(Locale.ROOT, "| %s | %.3f |%n", k, v)));
    return b.toString();
  }

  private String interval(double share) {
    double[] bounds = Uncertainty.wilson((int) Math.round(share * clips), clips);
    return String.format(Locale.ROOT, "%.1f-%.1f %%", 100 * bounds[0], 100 * bounds[1]);
  }

  /** Every figure under a dotted key. */
  public Map<String, Object> toMetrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sentenceSet", sentenceSet);
    m.put("sentences", sentences);
    m.put("signAccuracy", signAccuracy);
    m.put("signN", signN);
    Map<String, Object> paired = new LinkedHashMap<>();
    versusText.forEach((k, v) -> paired.put(k, Map.of("gains", v.gains(), "losses", v.losses(), "p", v.p())));
    m.put("versusText", paired);
    m.put("flatVoiceNeutralShare", flatNeutral);
    m.put("flatVoiceAngryShare", flatAngry);
    m.put("clips", clips);
    m.put("neutralShare", neutralShare);
    m.put("angryShare", angryShare);
    m.put("angryAtAlertConfidenceShare", angrySureShare);
    m.put("clipSources", clipSources);
    m.put("angryClips", angryClips);
    m.put("robustUtterances", robustUtterances);
    m.put("robustAll", robustAll);
    m.put("robustByChannel", robustByChannel);
    m.put("ece", ece);
    return m;
  }
}
