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
 * schemas, so it can be used, tested and benchmarked without either. Only the module's production
 * classes are analysed.
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

  /** The production classes of this module: the directory (or jar) holding {@link EmotionModel}. */
  static final class MainClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Set.of(Location.of(EmotionModel.class.getProtectionDomain().getCodeSource().getLocation()));
    }
  }
}
