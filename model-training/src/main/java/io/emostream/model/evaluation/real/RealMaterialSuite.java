package io.emostream.model.evaluation.real;

import io.emostream.model.EmotionModel;
import io.emostream.model.EmotionPrediction;
import io.emostream.model.UtteranceInput;
import io.emostream.model.channel.Channel;
import io.emostream.model.corpus.FlatSpeech;
import io.emostream.model.corpus.text.LabelledSentences;
import io.emostream.model.data.Example;
import io.emostream.model.data.Split;
import io.emostream.model.data.SyntheticManifestReader;
import io.emostream.model.data.ValenceText;
import io.emostream.model.evaluation.Calibration;
import io.emostream.model.text.cues.TextCueAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Judges a model on material it never trained on, made by others ({@code emostream evaluate
 * --real-material}): real review sentences (UCI imdb) spoken by three synthesisers with flat
 * prosody, against VADER on the same sentences; real calm recorded speech; the same utterances
 * through every channel of {@link Channel#robustnessSet()}; calibration error.
 *
 * @param model       the model under test
 * @param nodeModules npm folder of {@code model/material} (sentences, VADER)
 * @param corpus      a synthetic corpus whose test split joins the robustness and calibration
 *                    sets, or {@code null}
 * @param settings    how much of each set to use
 * @param progress    told the phase being worked on
 */
public record RealMaterialSuite(EmotionModel model, Path nodeModules, Path corpus, Settings settings,
    Consumer<String> progress) {

  private static final int BATCH = 16;
  /** The default of {@code alerts.min-confidence} (streams-app's alert rules): below it no ANGRY counts. */
  static final double ALERT_CONFIDENCE = 0.6;

  /**
   * Sizes: {@code sentences} real sentences (espeak-ng and flite speak them all, festival the first
   * {@code festivalSentences}, as it is slow), {@code robustSentences} of them and
   * {@code robustTestItems} synthetic test items through every channel.
   */
  public record Settings(int sentences, int festivalSentences, int robustSentences, int robustTestItems) {

    /** The full suite. */
    public static final Settings FULL = new Settings(1000, 200, 100, 150);
  }

  /** Runs every part. */
  public RealMaterialReport run() {
    List<ValenceText> real = LabelledSentences.read(nodeModules, LabelledSentences.EVALUATION_SET);
    real = real.subList(0, Math.min(settings.sentences(), real.size()));
    List<String> texts = real.stream().map(ValenceText::text).toList();
    Map<String, Double> sign = new LinkedHashMap<>();
    Map<String, Integer> signN = new LinkedHashMap<>();
    Map<String, Uncertainty.Paired> versusText = new LinkedHashMap<>();
    Map<String, Double> flatNeutral = new LinkedHashMap<>();
    Map<String, Double> flatAngry = new LinkedHashMap<>();
    Map<String, Double> ece = new LinkedHashMap<>();
    progress.accept("text only (" + real.size() + " sentences)");
    List<EmotionPrediction> textOnly = predict(texts.stream().map(t -> new UtteranceInput("t", null, t)).toList());
    put(sign, signN, "text only", signAccuracy(real, textOnly), real.size());
    boolean[] textRight = signRight(real, valences(textOnly));
    ece.put(LabelledSentences.EVALUATION_SET + " text only (valence sign)", valenceEce(real, textOnly));
    List<float[]> firstVoice = null;
    try (FlatSpeech speech = FlatSpeech.open()) {
      for (FlatSpeech.Voice voice : FlatSpeech.Voice.values()) {
        int n = voice == FlatSpeech.Voice.FESTIVAL_SLT_HTS ? Math.min(settings.festivalSentences(), real.size())
            : real.size();
        progress.accept("speaking " + n + " sentences with " + voice.title());
        List<float[]> audio = speak(speech, voice, texts.subList(0, n));
        List<ValenceText> spoken = real.subList(0, n);
        List<EmotionPrediction> fused = predict(IntStream.range(0, n)
            .mapToObj(i -> new UtteranceInput("f" + i, audio.get(i), texts.get(i))).toList());
        List<EmotionPrediction> audioOnly = predict(IntStream.range(0, n)
            .mapToObj(i -> new UtteranceInput("a" + i, audio.get(i), null)).toList());
        put(sign, signN, "audio+text, " + voice.title(), signAccuracy(spoken, fused), n);
        versusText.put("audio+text, " + voice.title(),
            Uncertainty.Paired.of(signRight(spoken, valences(fused)), Arrays.copyOf(textRight, n)));
        put(sign, signN, "audio only, " + voice.title(), signAccuracy(spoken, audioOnly), n);
        shares(voice.title(), audioOnly, flatNeutral, flatAngry);
        if (n < real.size()) {
          // a voice that speaks fewer sentences is compared with the words alone on the same ones
          put(sign, signN, "text only, the " + n + " sentences " + voice.title() + " speaks",
              signAccuracy(spoken, textOnly.subList(0, n)), n);
        }
        if (firstVoice == null) {
          firstVoice = audio;
          ece.put(LabelledSentences.EVALUATION_SET + " audio+text " + voice.title() + " (valence sign)",
              valenceEce(spoken, fused));
        }
      }
    }
    progress.accept("lexicon baselines");
    List<Double> vader = VaderBaseline.compound(nodeModules, texts);
    TextCueAnalyzer cues = TextCueAnalyzer.bundled();
    put(sign, signN, "VADER compound (npm vader-sentiment, same sentences)", signShare(real, vader), real.size());
    put(sign, signN, "emostream lexicon cues alone", signShare(real,
        texts.stream().map(t -> (double) cues.analyze(t, 64).compound()).toList()), real.size());

    progress.accept("real calm recorded speech");
    List<RealSpeechClips.Clip> clips = RealSpeechClips.load();
    Map<String, Double> neutral = new LinkedHashMap<>();
    Map<String, Double> angry = new LinkedHashMap<>();
    List<EmotionPrediction> clipsFused =
        predict(clips.stream().map(c -> new UtteranceInput(c.id(), c.audio(), c.text())).toList());
    List<EmotionPrediction> clipsAudio =
        predict(clips.stream().map(c -> new UtteranceInput(c.id(), c.audio(), null)).toList());
    Map<String, List<EmotionPrediction>> clipViews = new LinkedHashMap<>();
    clipViews.put("audio+text", clipsFused);
    clipViews.put("audio only", clipsAudio);
    clipViews.put("text only", predict(clips.stream().map(c -> new UtteranceInput(c.id(), null, c.text())).toList()));
    Map<String, Double> angrySure = new LinkedHashMap<>();
    clipViews.forEach((view, predictions) -> {
      shares(view, predictions, neutral, angry);
      angrySure.put(view, sureAngryShare(predictions));
    });

    List<UtteranceInput> robust = new ArrayList<>();
    for (int i = 0; i < Math.min(settings.robustSentences(), firstVoice.size()); i++) {
      robust.add(new UtteranceInput("r" + i, firstVoice.get(i), texts.get(i)));
    }
    clips.forEach(c -> robust.add(new UtteranceInput(c.id(), c.audio(), c.text())));
    if (corpus != null) {
      List<Example> test = new SyntheticManifestReader(corpus).read().stream()
          .filter(e -> e.split() == Split.TEST && e.audio() != null).toList();
      List<Example> some = test.subList(0, Math.min(settings.robustTestItems(), test.size()));
      some.forEach(e -> robust.add(new UtteranceInput(e.id(), e.audio().load(), e.text())));
      progress.accept("calibration on the synthetic test split (" + test.size() + " items)");
      ece.put("synthetic test split, audio+text (4 classes)", classEce(test));
    }
    progress.accept("channel robustness (" + robust.size() + " utterances x " + Channel.robustnessSet().size()
        + " channels)");
    ChannelRobustness robustness = ChannelRobustness.measure(this::predict, robust);
    return new RealMaterialReport("UCI sentiment labelled sentences, imdb part (npm sentiment 5.0.2)", real.size(),
        sign, signN, versusText, flatNeutral, flatAngry, clips.size(), neutral, angry, angrySure,
        CalmClipShares.bySource(clips, clipsFused, clipsAudio), CalmClipShares.angry(clips, clipsFused, clipsAudio),
        robust.size(), robustness.all(),
        robustness.byChannel(), ece);
  }

  private static void put(Map<String, Double> sign, Map<String, Integer> n, String key, double value, int count) {
    sign.put(key, value);
    n.put(key, count);
  }

  List<EmotionPrediction> predict(List<UtteranceInput> inputs) {
    List<EmotionPrediction> out = new ArrayList<>(inputs.size());
    for (int start = 0; start < inputs.size(); start += BATCH) {
      out.addAll(model.predict(inputs.subList(start, Math.min(inputs.size(), start + BATCH))));
    }
    return out;
  }

  private static List<float[]> speak(FlatSpeech speech, FlatSpeech.Voice voice, List<String> texts) {
    return IntStream.range(0, texts.size()).parallel()
        .mapToObj(i -> speech.speak(voice, voice.name() + "-" + i, texts.get(i))).toList();
  }

  private static double signAccuracy(List<ValenceText> truth, List<EmotionPrediction> predicted) {
    return signShare(truth, valences(predicted));
  }

  private static List<Double> valences(List<EmotionPrediction> predicted) {
    return predicted.stream().map(p -> (double) p.valence()).toList();
  }

  /** Share of rows whose score has the sign of the truth (a score of exactly 0 counts as wrong). */
  static double signShare(List<ValenceText> truth, List<Double> scores) {
    int right = 0;
    for (boolean r : signRight(truth, scores)) {
      right += r ? 1 : 0;
    }
    return truth.isEmpty() ? 0 : (double) right / truth.size();
  }

  /** Per row, whether the score has the sign of the truth (0 is wrong). */
  private static boolean[] signRight(List<ValenceText> truth, List<Double> scores) {
    boolean[] right = new boolean[truth.size()];
    for (int i = 0; i < right.length; i++) {
      right[i] = scores.get(i) * truth.get(i).polarity() > 0;
    }
    return right;
  }

  /**
   * Share read ANGRY at or above {@link #ALERT_CONFIDENCE}: what would count towards an alert with
   * the alert rules' default {@code alerts.min-confidence}.
   */
  private static double sureAngryShare(List<EmotionPrediction> predictions) {
    return predictions.stream().filter(p -> p.label().equals("angry") && p.confidence() >= ALERT_CONFIDENCE).count()
        / (double) predictions.size();
  }

  private static void shares(String view, List<EmotionPrediction> predictions, Map<String, Double> neutral,
      Map<String, Double> angry) {
    neutral.put(view, predictions.stream().filter(p -> p.label().equals("neutral")).count()
        / (double) predictions.size());
    angry.put(view, predictions.stream().filter(p -> p.label().equals("angry")).count()
        / (double) predictions.size());
  }

  /**
   * ECE of the model's valence decision on sentences known by their sign: the probability of
   * positive is happy over (happy + angry + sad); neutral mass says nothing about the sign.
   */
  private static double valenceEce(List<ValenceText> truth, List<EmotionPrediction> predicted) {
    List<Calibration.Row> rows = new ArrayList<>();
    for (int i = 0; i < truth.size(); i++) {
      EmotionPrediction p = predicted.get(i);
      double positive = p.probability("happy");
      double negative = p.probability("angry") + p.probability("sad");
      float[] logits = {(float) Math.log(Math.max(negative, 1e-9)), (float) Math.log(Math.max(positive, 1e-9))};
      float[] correct = truth.get(i).polarity() > 0 ? new float[] {0f, 1f} : new float[] {1f, 0f};
      rows.add(new Calibration.Row(logits, correct));
    }
    return Calibration.expectedCalibrationError(rows, 1.0);
  }

  private double classEce(List<Example> test) {
    List<EmotionPrediction> predicted = predict(test.stream()
        .map(e -> new UtteranceInput(e.id(), e.audio().load(), e.text())).toList());
    List<Calibration.Row> rows = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      EmotionPrediction p = predicted.get(i);
      float[] logits = new float[p.probabilities().length];
      float[] correct = new float[logits.length];
      for (int c = 0; c < logits.length; c++) {
        logits[c] = (float) Math.log(Math.max(p.probabilities()[c], 1e-9));
      }
      correct[p.labels().indexOf(test.get(i).label())] = 1f;
      rows.add(new Calibration.Row(logits, correct));
    }
    return Calibration.expectedCalibrationError(rows, 1.0);
  }
}
