package dev.weft.internal.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEINTERFACE;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESPECIAL;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEVIRTUAL;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where the race detector watches the JDK objects of {@link JdkObjectFamily}: the classes that
 * carry {@link JdkObjectAdvice}, which advice each operation gets, and which application calls
 * are announced to the runtime so that the object's hook knows the call is the application's.
 */
public final class JdkObjectTargets {
  private JdkObjectTargets() {}

  private static final Map<String, JdkObjectFamily> ADVISED = new HashMap<>();

  static {
    for (JdkObjectFamily family : JdkObjectFamily.values()) {
      for (String name : family.advised) ADVISED.put(name, family);
    }
  }

  /**
   * Types application code calls these objects through. A call through another type (an
   * {@code Object.toString()}, an application subclass's own type) is not announced, and then
   * not tracked: the hooks never walk the stack, because the JDK's own uses (a StringBuilder in
   * every {@code String.format}, buffers in every {@code println}) would pay for it.
   */
  private static final Set<String> CALL_OWNERS = callOwners();

  /** The classes whose application constructor calls say where an object was created. */
  private static final Set<String> CONSTRUCTED = constructedClasses();

  static ElementMatcher.Junction<TypeDescription> classes() {
    return namedOneOf(JdkObjectFamily.allAdvisedClasses().toArray(new String[0]));
  }

  /** The advice for the declared operations of {@code type}, one of {@link #classes()}. */
  static DynamicType.Builder<?> operations(DynamicType.Builder<?> builder, TypeDescription type) {
    JdkObjectFamily family = ADVISED.get(type.getName());
    ElementMatcher.Junction<MethodDescription> operation = isPublic().and(not(isStatic()))
        .and(not(isConstructor())).and(not(isBridge())).and(not(isAbstract()))
        .and(not(isNative()));
    DynamicType.Builder<?> b = builder
        .visit(Advice.to(JdkObjectAdvice.Write.class, TrackedOperationExit.class)
            .on(operation.and(classifiedAs(family, JdkObjectFamily.Operation.WRITE))))
        .visit(Advice.to(JdkObjectAdvice.StateDependent.class, TrackedOperationExit.class)
            .on(operation.and(classifiedAs(family, JdkObjectFamily.Operation.DEPENDS_ON_STATE))))
        .visit(Advice.to(JdkObjectAdvice.Read.class, TrackedOperationExit.class)
            .on(operation.and(classifiedAs(family, JdkObjectFamily.Operation.READ))));
    if (family.tracked.contains(type.getName())) {
      b = b.visit(Advice.to(JdkObjectAdvice.Created.class).on(isConstructor()));
    }
    return b;
  }

  /** An operation the family does not know (a method of a newer JDK) counts as a read. */
  private static ElementMatcher<MethodDescription> classifiedAs(JdkObjectFamily family,
      JdkObjectFamily.Operation wanted) {
    return m -> {
      JdkObjectFamily.Operation op = operationOf(family, m);
      return (op == null ? JdkObjectFamily.Operation.READ : op) == wanted;
    };
  }

  static JdkObjectFamily.Operation operationOf(JdkObjectFamily family, MethodDescription m) {
    int count = m.getParameters().size();
    String first = count == 0 ? null : m.getParameters().get(0).getType().asErasure().getName();
    return family.classify(m.getInternalName(), first, count);
  }

  /**
   * Whether the application call {@code opcode owner.name} may reach a tracked JDK object and is
   * announced: a call through one of {@link #CALL_OWNERS}, a constructor of a tracked class, or a
   * factory ({@code Calendar.getInstance}, {@code ByteBuffer.allocate}, {@code Pattern.matcher})
   * whose line is where the object it returns was created.
   */
  static boolean isObjectCall(int opcode, String owner, String name) {
    if (opcode == INVOKESPECIAL) return name.equals("<init>") && CONSTRUCTED.contains(owner);
    if (opcode == INVOKEVIRTUAL && owner.equals("java/util/regex/Pattern")) {
      return name.equals("matcher");
    }
    return (opcode == INVOKEVIRTUAL || opcode == INVOKEINTERFACE || opcode == INVOKESTATIC)
        && CALL_OWNERS.contains(owner);
  }

  private static Set<String> callOwners() {
    Set<String> owners = new HashSet<>(Set.of("java/lang/CharSequence", "java/lang/Appendable",
        "java/text/Format", "java/util/regex/MatchResult",
        "java/util/random/RandomGenerator", "java/util/random/RandomGenerator$SplittableGenerator",
        "java/util/random/RandomGenerator$StreamableGenerator"));
    for (JdkObjectFamily family : JdkObjectFamily.values()) {
      for (String name : family.advised) {
        if (!name.startsWith("jdk.") && !name.equals("java.lang.AbstractStringBuilder")) {
          owners.add(name.replace('.', '/'));
        }
      }
    }
    return Set.copyOf(owners);
  }

  private static Set<String> constructedClasses() {
    return Set.of("java/text/SimpleDateFormat", "java/text/DecimalFormat",
        "java/text/CompactNumberFormat", "java/text/MessageFormat", "java/util/GregorianCalendar",
        "java/lang/StringBuilder", "java/util/Formatter", "java/util/SplittableRandom");
  }
}
