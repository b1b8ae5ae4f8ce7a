package io.emostream.model.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emostream.model.wav.WavWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a small corpus in the synthetic-manifest layout without espeak: each label has its own
 * pitch, pitch movement and brightness, and its own cue words among neutral filler, so a tiny
 * network can learn it in seconds. Speakers differ per split (their base pitch shifts).
 */
public final class ToyCorpus {

  private static final String[] LABELS = {"neutral", "happy", "angry", "sad"};
  private static final double[] PITCH = {130, 240, 190, 95};
  private static final double[] WOBBLE = {0.02, 0.15, 0.08, 0.01};
  private static final int[] HARMONICS = {3, 5, 9, 2};
  private static final String[][] CUES = {
      {"okay", "account", "number", "fine"}, {"great", "wonderful", "thanks", "love"},
      {"ridiculous", "furious", "unacceptable", "waiting"}, {"sorry", "lost", "miss", "alone"}};
  private static final String[] FILLER = {"the", "my", "is", "about", "call", "today", "it", "so"};

  private ToyCorpus() {}

  /** Writes {@code perLabel} utterances per label into each of train, dev and test. */
  public static Path write(Path dir, int trainPerLabel, int evalPerLabel, long seed) throws IOException {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    String[] splits = {"train", "dev", "test"};
    for (int s = 0; s < splits.length; s++) {
      int count = s == 0 ? trainPerLabel : evalPerLabel;
      for (int l = 0; l < LABELS.length; l++) {
        for (int i = 0; i < count; i++) {
          String id = splits[s] + "-" + LABELS[l] + "-" + i;
          double speakerShift = 1 + 0.08 * (s - 1) + 0.04 * (i % 2);
          float[] audio = tone(PITCH[l] * speakerShift, WOBBLE[l], HARMONICS[l], 0.5 + 0.4 * random.nextDouble(),
              random);
          Path wav = dir.resolve("wav").resolve(id + ".wav");
          WavWriter.writePcm16(wav, audio, 16_000);
          ObjectNode node = json.createObjectNode();
          node.put("id", id).put("split", splits[s]).put("speaker", splits[s] + "-spk" + (i % 2))
              .put("role", "CUSTOMER").put("label", LABELS[l]).put("text", sentence(l, random))
              .put("wav", "wav/" + id + ".wav").put("durationMs", audio.length / 16)
              .put("conflicting", false);
          lines.add(json.writeValueAsString(node));
        }
      }
    }
    Files.write(dir.resolve(SyntheticManifestReader.MANIFEST), lines, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("corpus.json"), "{\"name\": \"toy\", \"version\": \"1\"}");
    return dir;
  }

  private static String sentence(int label, Random random) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < 5; w++) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w % 2 == 0 ? CUES[label][random.nextInt(CUES[label].length)] : FILLER[random.nextInt(FILLER.length)]);
    }
    return b.toString();
  }

  private static float[] tone(double f0, double wobble, int harmonics, double seconds, Random random) {
    int n = (int) (seconds * 16_000);
    float[] x = new float[n];
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double t = i / 16_000.0;
      double pitch = f0 * (1 + wobble * Math.sin(2 * Math.PI * 4 * t));
      phase += 2 * Math.PI * pitch / 16_000.0;
      double s = 0;
      for (int h = 1; h <= harmonics; h++) {
        s += Math.sin(h * phase) / h;
      }
      x[i] = (float) (0.25 * s + 0.01 * random.nextGaussian());
    }
    return x;
  }
}
