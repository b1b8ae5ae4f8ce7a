package io.emostream.bench;

import io.emostream.audio.AudioDecoder;
import io.emostream.avro.AudioChunk;
import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionModels;
import io.emostream.model.UtteranceInput;
import io.emostream.model.audio.Resampler;
import io.emostream.model.runtime.DeviceSpec;
import io.emostream.model.runtime.DjlRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * The model alone on the very utterances the pipeline scenarios score: each line's audio cut
 * from the call's chunks and converted to 16 kHz as the assembler does, with its text, scored in
 * full batches one after another. Its utterances/s is the ceiling the pipeline is measured
 * against ({@code pipelineOverModel}).
 */
final class ModelAloneRun {

  /**
   * @param utterances          utterances scored (after one unmeasured warm-up batch)
   * @param seconds             time spent in the model
   * @param utterancesPerSecond utterances over seconds
   * @param batchSize           utterances per model call
   */
  record Result(int utterances, double seconds, double utterancesPerSecond, int batchSize) {}

  private ModelAloneRun() {}

  static Result run(BenchModel model, List<SyntheticCall> calls, int batchSize) {
    List<UtteranceInput> inputs = inputs(calls);
    DjlRuntime.ensureConfigured();
    try (EmotionModel m = EmotionModels.load(model.location(), DeviceSpec.parse("auto"))) {
      m.predict(inputs.subList(0, Math.min(batchSize, inputs.size())));
      long start = System.nanoTime();
      for (int i = 0; i < inputs.size(); i += batchSize) {
        m.predict(inputs.subList(i, Math.min(inputs.size(), i + batchSize)));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(inputs.size(), seconds, inputs.size() / Math.max(1e-9, seconds), batchSize);
    }
  }

  /** Every line of every call as the model input the pipeline builds for it. */
  static List<UtteranceInput> inputs(List<SyntheticCall> calls) {
    List<UtteranceInput> out = new ArrayList<>();
    for (SyntheticCall call : calls) {
      int rate = call.format().sampleRate();
      List<AudioChunk> chunks = call.records().stream()
          .filter(r -> r.value() instanceof AudioChunk).map(r -> (AudioChunk) r.value()).toList();
      for (SyntheticCall.Line line : call.lines()) {
        long from = line.startMs() * rate / 1000;
        short[] source = new short[(int) (line.endMs() * rate / 1000 - from)];
        for (AudioChunk c : chunks) {
          if (c.getChannel() != line.channel()) {
            continue;
          }
          byte[] bytes = new byte[c.getPayload().remaining()];
          c.getPayload().duplicate().get(bytes);
          short[] linear = AudioDecoder.decodeLinear(bytes, c.getEncoding());
          long chunkStart = c.getStartMs() * rate / 1000;
          for (long s = Math.max(from, chunkStart); s < Math.min(from + source.length, chunkStart + linear.length); s++) {
            source[(int) (s - from)] = linear[(int) (s - chunkStart)];
          }
        }
        short[] samples = Resampler.to16k(rate).process(source);
        float[] audio = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
          audio[i] = samples[i] / 32768f;
        }
        out.add(new UtteranceInput(call.callId() + "/" + line.utteranceId(), audio, line.text()));
      }
    }
    return out;
  }
}
