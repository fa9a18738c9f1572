package dev.weft.internal.agent;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/** Reads back which field and array element hooks a rewritten method calls. */
final class AccessHooks {
  private AccessHooks() {}

  /**
   * The field and element hooks that {@code method} of {@code classFile} calls, in order; null
   * when the class has no such method.
   */
  static List<String> of(byte[] classFile, String method) {
    List<String> hooks = new ArrayList<>();
    boolean[] found = new boolean[1];
    new ClassReader(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        if (!name.equals(method)) return null;
        found[0] = true;
        return new MethodVisitor(OpenedClassReader.ASM_API) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String called, String calledDesc,
              boolean isInterface) {
            if (owner.equals(HookMethod.OWNER)
                && (called.contains("Field") || called.contains("Element"))) {
              hooks.add(called);
            }
          }
        };
      }
    }, 0);
    return found[0] ? hooks : null;
  }
}
