package dev.weft.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.boot.Hooks;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;
import org.junit.jupiter.api.Test;

/**
 * The rewritten bytecode calls {@code Hooks} by name and descriptor, which the compiler cannot
 * check: a renamed or re-typed hook would fail only when instrumented code runs (a {@code
 * NoSuchMethodError} inside the code under test). These tests make that a build failure.
 */
class HookMethodTest {

  /** Every public static method of Hooks, as {@code name + descriptor}. */
  private static Set<String> hooks() {
    Set<String> hooks = new HashSet<>();
    for (Method m : Hooks.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
        hooks.add(m.getName()
            + MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                .toMethodDescriptorString());
      }
    }
    return hooks;
  }

  @Test
  void everyHookTheRewriterNamesIsAPublicStaticMethodOfHooksWithThatDescriptor() {
    assertThat(HookMethod.OWNER).isEqualTo(Hooks.class.getName().replace('.', '/'));
    Set<String> hooks = hooks();
    for (HookMethod hook : HookMethod.values()) {
      assertThat(hooks).as("%s", hook).contains(hook.hookName + hook.descriptor);
    }
  }

  @Test
  void lockCallReplacementsTakeTheReceiverAndTheSite() {
    assertThat(HookMethod.replacingLockCall("tryLock", "(JLjava/util/concurrent/TimeUnit;)Z"))
        .isEqualTo(HookMethod.TRY_LOCK_TIMED);
    assertThat(HookMethod.TRY_LOCK_TIMED.descriptor)
        .isEqualTo("(Ljava/util/concurrent/locks/Lock;JLjava/util/concurrent/TimeUnit;I)Z");
    assertThat(HookMethod.replacingStampedLockCall("unlockRead", "(J)V"))
        .isEqualTo(HookMethod.STAMPED_UNLOCK_READ);
    assertThat(HookMethod.STAMPED_UNLOCK_READ.hookName).isEqualTo("stampedUnlockRead");
    assertThat(HookMethod.replacingLockCall("newCondition", "()Ljava/util/concurrent/locks/Condition;"))
        .isNull();
  }

  @Test
  void applicationCodeRewrittenCallsOnlyExistingHooksAndEveryApplicationHook() throws Exception {
    List<String> calls = hookCalls(rewrite(HookCallsSample.class,
        CallSiteRewriter.Mode.APPLICATION));
    assertThat(hooks()).containsAll(calls);
    Set<HookMethod> emitted = EnumSet.noneOf(HookMethod.class);
    for (HookMethod hook : HookMethod.values()) {
      if (calls.contains(hook.hookName + hook.descriptor)) emitted.add(hook);
    }
    assertThat(EnumSet.complementOf(EnumSet.copyOf(emitted)))
        .as("hooks the sample should reach (all but those only JDK classes get, and the"
            + " static initializer the adder gives)")
        .containsExactlyInAnyOrder(HookMethod.UNSAFE_PARK, HookMethod.UNSAFE_UNPARK,
            HookMethod.CLASS_LOADING_LOCK_ENTER, HookMethod.CLASS_LOADING_LOCK_EXIT,
            HookMethod.CLASS_INITIALIZED);
  }

  /** A lazy singleton: a static field, no static initializer. */
  static final class WithoutInitializer {
    static WithoutInitializer instance;
  }

  @Test
  void aClassWithStaticStateButNoInitializerGetsOneThatReportsIt() throws Exception {
    byte[] added = new ByteBuddy().with(TypeValidation.DISABLED).redefine(WithoutInitializer.class)
        .visit(StaticInitializerAdder.INSTANCE).make().getBytes();
    assertThat(instructions(added, "<clinit>"))
        .containsExactly("ldc", HookMethod.CLASS_INITIALIZED.hookName, "op");
    assertThat(hooks()).containsAll(hookCalls(added));
    byte[] kept = new ByteBuddy().with(TypeValidation.DISABLED).redefine(WithInitializer.class)
        .visit(StaticInitializerAdder.INSTANCE).make().getBytes();
    assertThat(instructions(kept, "<clinit>")).as("a class with one gets no second initializer")
        .isNotEmpty().doesNotContain(HookMethod.CLASS_INITIALIZED.hookName);
  }

  /** Static state set by a static initializer of its own. */
  static final class WithInitializer {
    static long started = System.nanoTime();
  }

  @Test
  void jdkClassesRewrittenCallOnlyExistingHooks() throws Exception {
    List<String> calls = new ArrayList<>();
    calls.addAll(hookCalls(rewrite(ForkJoinPool.class, CallSiteRewriter.Mode.JDK)));
    calls.addAll(hookCalls(rewrite(Class.forName("java.util.Collections$SynchronizedMap"),
        CallSiteRewriter.Mode.JDK)));
    assertThat(calls).contains(HookMethod.MONITOR_ENTER.hookName + HookMethod.MONITOR_ENTER.descriptor);
    List<String> loaderCalls = hookCalls(rewrite(ClassLoader.class, CallSiteRewriter.Mode.JDK));
    assertThat(loaderCalls).contains(
        HookMethod.CLASS_LOADING_LOCK_ENTER.hookName + HookMethod.CLASS_LOADING_LOCK_ENTER.descriptor,
        HookMethod.CLASS_LOADING_LOCK_EXIT.hookName + HookMethod.CLASS_LOADING_LOCK_EXIT.descriptor);
    calls.addAll(loaderCalls);
    assertThat(hooks()).containsAll(calls);
    if (Runtime.version().feature() >= 19) {
      // The ForkJoinPool of JDK 19+ parks through Unsafe.
      assertThat(calls).contains(HookMethod.UNSAFE_PARK.hookName + HookMethod.UNSAFE_PARK.descriptor,
          HookMethod.UNSAFE_UNPARK.hookName + HookMethod.UNSAFE_UNPARK.descriptor);
    }
  }

  /**
   * HotSpot's compilers give up on a method (it stays interpreted) when a call inside a
   * synchronized block's exception range follows its {@code monitorexit}: the normal exit's hook
   * must come before the exit.
   */
  @Test
  void theNormalExitOfASynchronizedBlockCallsItsHookBeforeReleasing() {
    List<String> code = instructions(rewrite(HookCallsSample.class,
        CallSiteRewriter.Mode.APPLICATION), "monitors");
    int exit = code.indexOf("MONITOREXIT");
    assertThat(exit).as("%s", code).isPositive();
    assertThat(code.get(exit - 1)).isEqualTo(HookMethod.MONITOR_EXIT.hookName);
  }

  /** The opcodes of method {@code method}: hooks by name, MONITOREXIT by name, others as "op". */
  private static List<String> instructions(byte[] classFile, String method) {
    List<String> code = new ArrayList<>();
    new ClassReader(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        if (!name.equals(method)) return null;
        return new MethodVisitor(OpenedClassReader.ASM_API) {
          @Override
          public void visitInsn(int opcode) {
            code.add(opcode == Opcodes.MONITOREXIT ? "MONITOREXIT" : "op");
          }

          @Override
          public void visitMethodInsn(int opcode, String owner, String called, String calledDesc,
              boolean isInterface) {
            code.add(owner.equals(HookMethod.OWNER) ? called : "call");
          }

          @Override
          public void visitLdcInsn(Object value) {
            code.add("ldc");
          }

          @Override
          public void visitVarInsn(int opcode, int var) {
            code.add("var");
          }
        };
      }
    }, 0);
    return code;
  }

  private static byte[] rewrite(Class<?> type, CallSiteRewriter.Mode mode) {
    return new ByteBuddy().with(TypeValidation.DISABLED).redefine(type)
        .visit(new CallSiteRewriter(mode)).make().getBytes();
  }

  /** Every {@code invokestatic} of Hooks in {@code classFile}, as {@code name + descriptor}. */
  private static List<String> hookCalls(byte[] classFile) {
    List<String> calls = new ArrayList<>();
    new ClassReader(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        return new MethodVisitor(OpenedClassReader.ASM_API) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String called, String calledDesc,
              boolean isInterface) {
            if (owner.equals(HookMethod.OWNER)) {
              assertThat(opcode).as(called).isEqualTo(Opcodes.INVOKESTATIC);
              calls.add(called + calledDesc);
            }
          }
        };
      }
    }, 0);
    return calls;
  }
}
