package dev.weft.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepObjectsTest {

  @Test
  void objectsAreNumberedInTheOrderFirstMetAndKeepTheirNumbers() {
    StepObjects numbers = new StepObjects();
    List<Object> objects = new ArrayList<>();
    for (int i = 0; i < 1000; i++) objects.add(new Object());
    for (int i = 0; i < objects.size(); i++) {
      assertThat(numbers.of(objects.get(i))).isEqualTo(StepObjects.LIBRARY + 1 + i);
    }
    // After the tables grew several times, every object still has its first number.
    for (int i = objects.size() - 1; i >= 0; i--) {
      assertThat(numbers.of(objects.get(i))).isEqualTo(StepObjects.LIBRARY + 1 + i);
    }
  }

  @Test
  void objectsAreKeyedByIdentityNotEquality() {
    StepObjects numbers = new StepObjects();
    int first = numbers.of(new String("same"));
    int second = numbers.of(new String("same"));
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void fieldsShareTheSequenceOfObjectsAndNeverGetTheLibraryNumber() {
    StepObjects numbers = new StepObjects();
    Object lock = new Object();
    assertThat(numbers.ofField(0)).isEqualTo(1);
    assertThat(numbers.of(lock)).isEqualTo(2);
    assertThat(numbers.ofField(5000)).isEqualTo(3);
    assertThat(numbers.ofField(0)).isEqualTo(1);
    assertThat(numbers.ofField(5000)).isEqualTo(3);
    assertThat(numbers.of(lock)).isEqualTo(2);
  }
}
