package dev.weft.internal.agent;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Gives a class with resettable static fields but no static initializer one that only reports
 * the class initialized ({@code Hooks.classInitialized}): a lazy singleton's {@code static Foo
 * instance;} needs no initializer, yet must be reset between executions. A class initializes at the
 * same moments with or without an initializer, so adding one changes nothing else. Only at load
 * time: a retransformation may not add methods.
 */
final class StaticInitializerAdder extends AsmVisitorWrapper.AbstractBase {
  static final StaticInitializerAdder INSTANCE = new StaticInitializerAdder();

  /** {@code ldc} of a class constant needs class files of Java 5 or later. */
  private static final int JAVA_5 = 49;

  private StaticInitializerAdder() {}

  @Override
  public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
      Implementation.Context implementationContext, TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
      int readerFlags) {
    return new Adding(classVisitor);
  }

  private static final class Adding extends ClassVisitor {
    private String internalName;
    private boolean eligible;
    private boolean hasInitializer;

    Adding(ClassVisitor cv) {
      super(OpenedClassReader.ASM_API, cv);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      internalName = name;
      eligible = (access & Opcodes.ACC_INTERFACE) == 0 && (version & 0xFFFF) >= JAVA_5;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor,
        String signature, String[] exceptions) {
      if (name.equals("<clinit>")) hasInitializer = true;
      return super.visitMethod(access, name, descriptor, signature, exceptions);
    }

    @Override
    public void visitEnd() {
      if (eligible && !hasInitializer) {
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitLdcInsn(Type.getObjectType(internalName));
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, HookMethod.OWNER,
            HookMethod.CLASS_INITIALIZED.hookName, HookMethod.CLASS_INITIALIZED.descriptor, false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
      }
      super.visitEnd();
    }
  }
}
