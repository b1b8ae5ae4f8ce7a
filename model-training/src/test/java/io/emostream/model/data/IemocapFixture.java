package io.emostream.model.data;

import io.emostream.model.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny corpus in the IEMOCAP release layout: sessions 1..{@code sessions}, one improvised dialog
 * each, six labelled utterances per dialog (neu, hap, exc, ang, sad by F and M speakers, plus one
 * fru that the 4-class mapping drops), with transcriptions and 8 kHz WAVs (resampled on reading).
 */
final class IemocapFixture {

  static final String[] CODES = {"neu", "hap", "exc", "ang", "sad", "fru"};

  private IemocapFixture() {}

  static Path write(Path root, int sessions) throws IOException {
    for (int s = 1; s <= sessions; s++) {
      String dialog = String.format("Ses%02dF_impro01", s);
      Path session = root.resolve("Session" + s);
      List<String> labels = new ArrayList<>(List.of("% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]", ""));
      List<String> transcript = new ArrayList<>();
      for (int i = 0; i < CODES.length; i++) {
        String utterance = dialog + "_" + (i % 2 == 0 ? "F" : "M") + String.format("%03d", i);
        double start = 2.0 * i;
        labels.add(String.format("[%.4f - %.4f]\t%s\t%s\t[%.4f, %.4f, %.4f]", start, start + 1.5, utterance,
            CODES[i], 1.0 + i % 5, 5.0 - i % 5, 3.0));
        labels.add("C-E1:\tNeutral;\t()");
        labels.add("");
        transcript.add(String.format("%s [%08.4f-%08.4f]: Utterance %d of session %d.", utterance, start,
            start + 1.5, i, s));
        float[] tone = new float[8_000];
        for (int k = 0; k < tone.length; k++) {
          tone[k] = (float) (0.3 * Math.sin(2 * Math.PI * (150 + 20 * i) * k / 8_000.0));
        }
        WavWriter.writePcm16(session.resolve("sentences/wav/" + dialog + "/" + utterance + ".wav"), tone, 8_000);
      }
      transcript.add("M: [BREATHING]");
      Path evaluation = Files.createDirectories(session.resolve("dialog/EmoEvaluation"));
      Files.createDirectories(evaluation.resolve("Categorical"));
      Files.write(evaluation.resolve(dialog + ".txt"), labels);
      Path transcriptions = Files.createDirectories(session.resolve("dialog/transcriptions"));
      Files.write(transcriptions.resolve(dialog + ".txt"), transcript);
    }
    return root;
  }
}
