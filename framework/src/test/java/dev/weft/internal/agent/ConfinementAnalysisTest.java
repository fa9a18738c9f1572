package dev.weft.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import org.junit.jupiter.api.Test;

/**
 * The escape analysis on compiled methods: accesses to an object or array no other thread can see
 * get no hook; an object that is stored, passed, returned, captured, put in an array, merged with
 * another value or published by its own constructor keeps every hook.
 */
class ConfinementAnalysisTest {
  private static final byte[] REWRITTEN = new ByteBuddy().with(TypeValidation.DISABLED)
      .redefine(ConfinementSample.class)
      .visit(new CallSiteRewriter(CallSiteRewriter.Mode.APPLICATION,
          ConfinementSample.class.getClassLoader()))
      .make().getBytes();

  @Test
  void aLoopOverAnObjectAndAnArrayTheMethodCreatedHasNoAccessHook() {
    assertThat(accessHooks("confinedLoop")).isEmpty();
  }

  @Test
  void arraysPassedToJdkCallsThatOnlyCopyFillOrSortThemStayConfined() {
    assertThat(accessHooks("arraysCopiedFilledAndClonedStayConfined")).isEmpty();
  }

  @Test
  void anObjectLockedByTheMethodThatCreatedItStaysConfined() {
    assertThat(accessHooks("lockedWhileConfined")).isEmpty();
  }

  @Test
  void anArrayHandedToAJdkCallWithAComparatorIsChecked() {
    assertThat(accessHooks("arrayOfObjectsSortedWithAComparator"))
        .contains("writeElement", "readElement");
  }

  @Test
  void constructorsThatOnlyFillTheirFieldsKeepTheObjectConfined() {
    assertThat(accessHooks("confinedThroughOwnConstructors")).isEmpty();
  }

  @Test
  void anObjectStoredInAFieldIsChecked() {
    assertThat(accessHooks("storedInField")).contains("readField", "writeField");
  }

  @Test
  void anObjectPublishedAfterTheLoopIsCheckedInTheLoopToo() {
    assertThat(accessHooks("publishedAfterTheLoop")).contains("readField", "writeField");
  }

  @Test
  void anObjectPassedToAMethodIsChecked() {
    assertThat(accessHooks("passedToAMethod")).contains("readField", "writeField");
  }

  @Test
  void aReturnedObjectIsChecked() {
    assertThat(accessHooks("returned")).contains("readField", "writeField");
  }

  @Test
  void anObjectCapturedByALambdaIsChecked() {
    assertThat(accessHooks("capturedByALambda")).contains("readField", "writeField");
  }

  @Test
  void anObjectPutInAnArrayIsCheckedAndSoIsThePublishedArray() {
    // The box escapes too (stored in a static), so its store is checked as well.
    assertThat(accessHooks("putInAnArray"))
        .contains("readField", "writeField", "writeElement");
  }

  @Test
  void aValueMergedWithAParameterIsChecked() {
    assertThat(accessHooks("mergedWithAParameter")).contains("readField", "writeField");
    assertThat(accessHooks("mergedInALocal")).contains("readField", "writeField");
  }

  @Test
  void aConfinedArrayBesideAThrownExceptionIsNotChecked() {
    assertThat(accessHooks("thrown")).isEmpty();
  }

  @Test
  void anArrayStoredInAStaticIsChecked() {
    assertThat(accessHooks("arrayPassedOn")).contains("writeElement", "readElement");
  }

  @Test
  void anObjectWhoseConstructorPublishesItIsChecked() {
    assertThat(accessHooks("publishingConstructor")).contains("readField", "writeField");
  }

  @Test
  void withoutClassFilesOnlyObjectsOfObjectsConstructorAreConfined() {
    byte[] blind = new ByteBuddy().with(TypeValidation.DISABLED)
        .redefine(ConfinementSample.class)
        .visit(new CallSiteRewriter(CallSiteRewriter.Mode.APPLICATION))
        .make().getBytes();
    assertThat(accessHooks(blind, "confinedLoop")).contains("readField", "writeField",
        "writeLongField");
    assertThat(accessHooks(blind, "confinedLoop")).doesNotContain("readElement",
        "writeElement");
  }

  private static List<String> accessHooks(String method) {
    return accessHooks(REWRITTEN, method);
  }

  /** The field and element hooks that {@code method} of the rewritten sample calls. */
  private static List<String> accessHooks(byte[] classFile, String method) {
    List<String> hooks = AccessHooks.of(classFile, method);
    assertThat(hooks).as(method).isNotNull();
    return hooks;
  }
}
