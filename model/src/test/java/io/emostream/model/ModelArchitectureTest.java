package io.emostream.model;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The model module stands alone: it knows nothing of Kafka and nothing of the application or its
 * schemas, so it can be used, tested and benchmarked without either; and it is inference only, the
 * code that makes a model living in model-training. Only the module's production classes are analysed.
 */
@AnalyzeClasses(locations = ModelArchitectureTest.MainClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ModelArchitectureTest {

  @ArchTest
  static final ArchRule shouldImportNoKafka = noClasses()
      .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
      .because("the model runs without Kafka: streams-app depends on the model, never the reverse");

  @ArchTest
  static final ArchRule shouldImportNothingOfTheApplication = noClasses()
      .should().dependOnClassesThat(resideInAPackage("io.emostream..").and(resideOutsideOfPackage("io.emostream.model..")))
      .because("the model takes typed settings and plain Java types, not the application's classes");

  @ArchTest
  static final ArchRule shouldHoldNoTrainingCorpusOrEvaluationCode = noClasses()
      .should().resideInAnyPackage("io.emostream.model.training..", "io.emostream.model.corpus..",
          "io.emostream.model.evaluation..", "io.emostream.model.data..")
      .orShould().dependOnClassesThat().resideInAnyPackage("io.emostream.model.training..",
          "io.emostream.model.corpus..", "io.emostream.model.evaluation..", "io.emostream.model.data..")
      .because("this module is the inference runtime that emostream.jar deploys: corpus synthesis and reading,"
          + " training and evaluation live in model-training, which depends on it, never the reverse");

  /** The production classes of this module: the directory (or jar) holding {@link EmotionModel}. */
  static final class MainClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Set.of(Location.of(EmotionModel.class.getProtectionDomain().getCodeSource().getLocation()));
    }
  }
}
