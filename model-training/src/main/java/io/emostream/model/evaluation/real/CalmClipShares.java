package io.emostream.model.evaluation.real;

import io.emostream.model.EmotionPrediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the real calm clips read, source by source, and which of them came out ANGRY: a share over
 * a few dozen clips hides whether one package's recordings or one clip's words are the cause.
 *
 * @param clips         clips from the source
 * @param fusedNeutral  NEUTRAL share, audio+text
 * @param fusedAngry    ANGRY share, audio+text
 * @param audioNeutral  NEUTRAL share, audio only
 * @param audioAngry    ANGRY share, audio only
 */
public record CalmClipShares(int clips, double fusedNeutral, double fusedAngry, double audioNeutral,
    double audioAngry) {

  /** Shares per {@link RealSpeechClips.Clip#source()}, in the order the sources first appear. */
  static Map<String, CalmClipShares> bySource(List<RealSpeechClips.Clip> clips, List<EmotionPrediction> fused,
      List<EmotionPrediction> audio) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (int i = 0; i < clips.size(); i++) {
      int[] c = counts.computeIfAbsent(clips.get(i).source(), k -> new int[5]);
      c[0]++;
      c[1] += is(fused.get(i), "neutral");
      c[2] += is(fused.get(i), "angry");
      c[3] += is(audio.get(i), "neutral");
      c[4] += is(audio.get(i), "angry");
    }
    Map<String, CalmClipShares> out = new LinkedHashMap<>();
    counts.forEach((source, c) -> out.put(source,
        new CalmClipShares(c[0], c[1] / (double) c[0], c[2] / (double) c[0], c[3] / (double) c[0],
            c[4] / (double) c[0])));
    return out;
  }

  /** One line per clip read ANGRY, by audio+text or audio only: what it was, its words and the confidence. */
  static List<String> angry(List<RealSpeechClips.Clip> clips, List<EmotionPrediction> fused,
      List<EmotionPrediction> audio) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < clips.size(); i++) {
      RealSpeechClips.Clip clip = clips.get(i);
      for (var view : Map.of("audio+text", fused.get(i), "audio only", audio.get(i)).entrySet()) {
        if (is(view.getValue(), "angry") == 1) {
          out.add(String.format(Locale.ROOT, "%s: %s %s \"%s\" ANGRY %.2f", view.getKey(), clip.source(), clip.id(),
              clip.text(), view.getValue().probability("angry")));
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static int is(EmotionPrediction p, String label) {
    return p.label().equals(label) ? 1 : 0;
  }
}
