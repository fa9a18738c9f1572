package dev.weft.internal.agent;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites the synchronization points of a class at their call sites: {@code monitorenter} and
 * {@code monitorexit}, synchronized methods, {@code wait}/{@code notify}, {@code Thread.sleep},
 * {@code yield}, {@code onSpinWait}, {@code join}, {@code isAlive}, volatile fields, atomics and
 * {@code VarHandle}s. Native JDK methods cannot carry Advice, so their callers are rewritten
 * instead.
 */
final class CallSiteRewriter extends AsmVisitorWrapper.AbstractBase {

  /** What to rewrite. */
  enum Mode {
    /** Application classes, transformed as they load: everything. */
    APPLICATION(true, true),
    /** Application classes loaded before a self-attach: no change of method modifiers. */
    APPLICATION_RETRANSFORMED(true, false),
    /** JDK classes, retransformed: monitors, waits and parks only. */
    JDK(false, false);

    final boolean memoryAccesses;
    final boolean unwrapSynchronizedMethods;

    Mode(boolean memoryAccesses, boolean unwrapSynchronizedMethods) {
      this.memoryAccesses = memoryAccesses;
      this.unwrapSynchronizedMethods = unwrapSynchronizedMethods;
    }
  }

  private static final ConcurrentHashMap<String, Boolean> TYPE_FACTS_CACHE =
      new ConcurrentHashMap<>();

  private final Mode mode;

  CallSiteRewriter(Mode mode) {
    this.mode = mode;
  }

  @Override
  public int mergeWriter(int flags) {
    // Unwrapped synchronized methods get a new exception handler, which needs a stack map frame.
    return flags | ClassWriter.COMPUTE_MAXS
        | (mode.unwrapSynchronizedMethods ? ClassWriter.COMPUTE_FRAMES : 0);
  }

  @Override
  public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
      Implementation.Context implementationContext, TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
      int readerFlags) {
    Set<String> ownVolatileFields = new HashSet<>();
    for (FieldDescription.InDefinedShape f : fields) {
      if (f.isVolatile()) ownVolatileFields.add(f.getName());
    }
    return new RewritingClassVisitor(classVisitor, instrumentedType, mode,
        new TypeFacts(typePool, TYPE_FACTS_CACHE), ownVolatileFields);
  }

  private static final class RewritingClassVisitor extends ClassVisitor {
    private final TypeDescription type;
    private final Mode mode;
    private final TypeFacts facts;
    private final Set<String> ownVolatileFields;
    private String sourceFile;

    RewritingClassVisitor(ClassVisitor cv, TypeDescription type, Mode mode, TypeFacts facts,
        Set<String> ownVolatileFields) {
      super(OpenedClassReader.ASM_API, cv);
      this.type = type;
      this.mode = mode;
      this.facts = facts;
      this.ownVolatileFields = ownVolatileFields;
    }

    @Override
    public void visitSource(String source, String debug) {
      sourceFile = source;
      super.visitSource(source, debug);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature,
        Object value) {
      return super.visitField(access, name, descriptor, signature, value);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor,
        String signature, String[] exceptions) {
      boolean unwrap = mode.unwrapSynchronizedMethods
          && (access & net.bytebuddy.jar.asm.Opcodes.ACC_SYNCHRONIZED) != 0
          && (access & (net.bytebuddy.jar.asm.Opcodes.ACC_ABSTRACT
              | net.bytebuddy.jar.asm.Opcodes.ACC_NATIVE)) == 0;
      int newAccess = unwrap ? access & ~net.bytebuddy.jar.asm.Opcodes.ACC_SYNCHRONIZED : access;
      MethodVisitor mv = super.visitMethod(newAccess, name, descriptor, signature, exceptions);
      if (mv == null) return null;
      SiteNamer sites = new SiteNamer(type.getName(), name, sourceFile);
      MethodVisitor rewriting = new SyncPointMethodVisitor(mv, mode, facts, sites,
          type.getInternalName(), ownVolatileFields);
      if (unwrap) {
        boolean isStatic = (access & net.bytebuddy.jar.asm.Opcodes.ACC_STATIC) != 0;
        return new SynchronizedMethodUnwrapper(rewriting, type.getInternalName(), isStatic, sites);
      }
      return rewriting;
    }
  }
}
