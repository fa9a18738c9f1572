package dev.weft.internal.agent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Whether a constructor keeps {@code this} to itself: it only reads and writes fields of it and
 * calls a superclass or sibling constructor that keeps it too, never passing it anywhere else. An
 * object whose constructor may publish it (register it, start a thread with it, call an
 * overridable method on it) is not confined, whatever its creator does.
 *
 * <p>Read from the class files through the class loader of the class being transformed, never
 * by loading a class. {@code Object()} keeps it; any other JDK constructor, and any constructor
 * whose class file cannot be read (a class generated at run time), is assumed to publish it.
 */
final class ConstructorFacts {
  private static final int MAX_DEPTH = 8;
  private static final int MAX_CALLS = 20_000;
  private final ClassLoader loader;
  /**
   * {@code owner.<init>descriptor} to whether it keeps this private. Per class transformed, not
   * shared: a transformation may run on a controlled thread, and a lock shared between
   * transformations (a synchronized JDK collection is even rewritten to a modelled monitor) would
   * let one wait for another inside the schedule.
   */
  private final Map<String, Boolean> known = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  private ConstructorFacts(ClassLoader loader) {
    this.loader = loader;
  }

  /** Facts from the class files {@code loader} finds; null: no class file is read. */
  static ConstructorFacts of(ClassLoader loader) {
    return new ConstructorFacts(loader);
  }

  /**
   * Runs the analysis once on a constructor of the agent's own, so that every class it needs is
   * loaded before the first transformation (see {@link RecordedCode#warmUp}).
   */
  static void warmUp() {
    RecordedCode.warmUp();
    of(ConstructorFacts.class.getClassLoader())
        .keepsThisPrivate("dev/weft/internal/agent/ConfinedAccesses", "()V");
    new ConfinedAccesses().use(new java.util.BitSet());
  }

  /** Whether {@code owner}'s constructor {@code descriptor} never lets {@code this} escape. */
  boolean keepsThisPrivate(String owner, String descriptor) {
    if (owner.equals("java/lang/Object")) return descriptor.equals("()V");
    if (loader == null || owner.startsWith("[") || owner.startsWith("java/")
        || owner.startsWith("javax/") || owner.startsWith("jdk/") || owner.startsWith("sun/")
        || owner.startsWith("com/sun/")) {
      return false;
    }
    String key = owner + ".<init>" + descriptor;
    Boolean cached = known.get(key);
    if (cached != null) return cached;
    // A constructor chain that comes back to itself never ends: assume the worst on the way.
    if (inProgress.size() >= MAX_DEPTH || !inProgress.add(key)) return false;
    boolean keeps;
    try {
      keeps = analyse(owner, descriptor);
    } catch (RuntimeException | java.io.IOException unreadable) {
      keeps = false;
    } finally {
      inProgress.remove(key);
    }
    known.put(key, keeps);
    return keeps;
  }

  private boolean analyse(String owner, String descriptor) throws java.io.IOException {
    ClassFileLocator.Resolution resolution = ClassFileLocator.ForClassLoader.of(loader)
        .locate(owner.replace('/', '.'));
    if (!resolution.isResolved()) return false;
    RecordedCode[] code = new RecordedCode[1];
    int[] access = new int[1];
    new ClassReader(resolution.resolve()).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
      @Override
      public MethodVisitor visitMethod(int methodAccess, String name, String methodDescriptor,
          String signature, String[] exceptions) {
        if (!name.equals("<init>") || !methodDescriptor.equals(descriptor)) return null;
        access[0] = methodAccess;
        code[0] = new RecordedCode();
        return code[0];
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    if (code[0] == null || code[0].size() > MAX_CALLS) return false;
    ConfinementAnalysis analysis = ConfinementAnalysis.run(code[0], access[0], descriptor, this, true);
    if (analysis == null) return false;
    return analysis.keptPrivate(0);
  }
}
