package io.emostream.model.training;

import io.emostream.model.data.ValenceText;
import io.emostream.model.djl.BatchEncoder;
import io.emostream.model.features.LogMelFeatures;
import io.emostream.model.text.cues.TextCueAnalyzer;
import io.emostream.model.text.cues.TextCues;
import java.util.ArrayList;
import java.util.List;

/** Prepares text-only rows known by their valence for the trainer. */
final class TrainingText {

  private static final int MAX_WORDS = 64;

  private TrainingText() {}

  /** Spoken rows: features of the plain voice, the words' target, a neutral voice; audio kept for channels. */
  static List<PreparedExample> prepareSpoken(List<TrainingMaterial.SpokenText> spoken, BatchEncoder encoder,
      boolean keepAudio) {
    TextCueAnalyzer teacher = TextCueAnalyzer.bundled();
    return new ArrayList<>(spoken.parallelStream().map(s -> {
      BatchEncoder.Prepared p = encoder.prepare(encoder.features().extract(s.audio()), s.text().text());
      TextCues cues = p.cues() != null ? p.cues() : teacher.analyze(s.text().text(), MAX_WORDS);
      return new PreparedExample(s.text().id() + "-spoken", p, Target.spoken(s.text(), cues),
          keepAudio ? s.audio() : null);
    }).toList());
  }

  /** Calm real speech without words: audio-only rows whose voice and result are neutral. */
  static List<PreparedExample> prepareCalm(List<float[]> calm, BatchEncoder encoder, boolean keepAudio) {
    return new ArrayList<>(java.util.stream.IntStream.range(0, calm.size()).parallel().mapToObj(i -> {
      float[] audio = calm.get(i);
      BatchEncoder.Prepared p = encoder.prepare(encoder.features().extract(audio), "");
      return new PreparedExample("calm-speech-" + i, p, Target.calmVoice(), keepAudio ? audio : null);
    }).toList());
  }

  static List<PreparedExample> prepare(List<ValenceText> texts, BatchEncoder encoder) {
    TextCueAnalyzer teacher = TextCueAnalyzer.bundled();
    List<PreparedExample> out = new ArrayList<>(texts.size());
    for (ValenceText t : texts) {
      BatchEncoder.Prepared p = encoder.prepare((LogMelFeatures) null, t.text());
      if (p.text().length() == 0) {
        continue;
      }
      TextCues cues = p.cues() != null ? p.cues() : teacher.analyze(t.text(), MAX_WORDS);
      out.add(new PreparedExample(t.id(), p, Target.of(t, cues), null));
    }
    return out;
  }
}
