package io.emostream.serving;

import io.emostream.model.ModelInfo;
import io.emostream.model.batching.BatchingSnapshot;
import java.util.Map;

/**
 * Writes the shared model's batching statistics: batch sizes as a histogram, queue and model
 * time as summaries (sum and count) with their maxima as gauges, and counters of batches,
 * failures, utterances and rejections.
 */
final class ModelMetricsExport {

  private ModelMetricsExport() {}

  static void write(PrometheusWriter w, ModelInfo info, BatchingSnapshot s) {
    w.family("emostream_model_info", "gauge", "The model this instance scores with (value always 1)");
    w.sample("emostream_model_info", Map.of("name", info.name(), "version", info.version(),
        "architecture", info.architecture(), "device", String.valueOf(info.device())), 1);
    if (s == null) {
      return;
    }
    batchSizes(w, s);
    counter(w, "emostream_model_batches_total", "Batches sent to the model, failed ones included", s.batches());
    counter(w, "emostream_model_failed_batches_total", "Batches whose model call failed", s.failedBatches());
    counter(w, "emostream_model_utterances_total", "Utterances sent to the model", s.utterances());
    counter(w, "emostream_model_rejected_utterances_total", "Utterances refused because the batching queue"
        + " stayed full", s.rejectedUtterances());
    gauge(w, "emostream_model_queued_utterances", "Utterances waiting for a batch now", s.queued());
    summary(w, "emostream_model_inference_seconds", "Model time per batch",
        s.meanModelMillis() * s.batches() / 1000.0, s.batches());
    gauge(w, "emostream_model_inference_max_seconds", "Longest model time of one batch", s.maxModelMillis() / 1000.0);
    summary(w, "emostream_model_queue_seconds", "Time from submission to the model call, per utterance",
        s.meanQueueMillis() * s.utterances() / 1000.0, s.utterances());
    gauge(w, "emostream_model_queue_max_seconds", "Longest wait of one utterance for its batch",
        s.maxQueueMillis() / 1000.0);
    gauge(w, "emostream_model_audio_padding_ratio", "Mean share of padding in the audio tensor per batch",
        s.meanAudioPadding());
  }

  private static void batchSizes(PrometheusWriter w, BatchingSnapshot s) {
    String name = "emostream_model_batch_size";
    w.family(name, "histogram", "Utterances per model call");
    long[] counts = s.batchSizeCounts();
    long cumulative = 0;
    int bound = 1;
    for (int size = 1; size < counts.length; size++) {
      cumulative += counts[size];
      if (size == bound || size == counts.length - 1) {
        w.sample(name + "_bucket", Map.of("le", Integer.toString(size)), cumulative);
        bound *= 2;
      }
    }
    w.sample(name + "_bucket", Map.of("le", "+Inf"), s.batches());
    w.sample(name + "_sum", Map.of(), s.utterances());
    w.sample(name + "_count", Map.of(), s.batches());
  }

  private static void counter(PrometheusWriter w, String name, String help, double value) {
    w.family(name, "counter", help);
    w.sample(name, Map.of(), value);
  }

  private static void gauge(PrometheusWriter w, String name, String help, double value) {
    w.family(name, "gauge", help);
    w.sample(name, Map.of(), value);
  }

  private static void summary(PrometheusWriter w, String name, String help, double sum, long count) {
    w.family(name, "summary", help);
    w.sample(name + "_sum", Map.of(), sum);
    w.sample(name + "_count", Map.of(), count);
  }
}
