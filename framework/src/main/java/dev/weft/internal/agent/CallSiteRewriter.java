package dev.weft.internal.agent;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Rewrites the synchronization points of a class at their call sites: {@code monitorenter} and
 * {@code monitorexit}, synchronized methods, {@code wait}/{@code notify}, {@code Thread.sleep},
 * {@code yield}, {@code onSpinWait}, {@code join}, {@code isAlive}, volatile fields, atomics and
 * {@code VarHandle}s. Native JDK methods cannot carry Advice, so their callers are rewritten
 * instead. Method references to collections and tracked JDK objects get bridges ({@link
 * MethodReferenceBridges}), so that their calls are rewritten too.
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
  /** Where the class files of the constructors that transformed code calls are read from. */
  private final ClassLoader loader;

  /** A rewriter that reads no other class file: only {@code Object()} keeps {@code this}. */
  CallSiteRewriter(Mode mode) {
    this(mode, null);
  }

  /** A rewriter for classes that {@code loader} defines (null: read no class file). */
  CallSiteRewriter(Mode mode, ClassLoader loader) {
    this.mode = mode;
    this.loader = loader;
  }

  /**
   * Frames are never recomputed: ASM would need the common superclass of types that may not be
   * resolvable (classes generated at run time) and cannot compute frames around JSR/RET (class
   * files older than Java 6). Every change keeps the original frames valid; the one handler the
   * unwrapper adds describes its own frame.
   */
  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_MAXS;
  }

  /** Expanded frames, so that the unwrapper's full frame can follow the original ones. */
  @Override
  public int mergeReader(int flags) {
    return mode.unwrapSynchronizedMethods ? flags | ClassReader.EXPAND_FRAMES : flags;
  }

  @Override
  public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
      Implementation.Context implementationContext, TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
      int readerFlags) {
    Map<String, FieldFacts> ownFields = new HashMap<>();
    if (mode.memoryAccesses) {
      for (FieldDescription.InDefinedShape f : fields) {
        ownFields.put(f.getName(), FieldFacts.of(instrumentedType.getInternalName(), f));
      }
    }
    return new RewritingClassVisitor(classVisitor, instrumentedType, mode,
        new TypeFacts(typePool, TYPE_FACTS_CACHE), ownFields,
        mode.memoryAccesses ? ConstructorFacts.of(loader) : null);
  }

  private static final class RewritingClassVisitor extends ClassVisitor {
    private final TypeDescription type;
    private final Mode mode;
    private final TypeFacts facts;
    private final Map<String, FieldFacts> ownFields;
    private final ConstructorFacts constructors;
    private String sourceFile;
    private int classFileVersion;
    private MonitorCallHelpers monitorCalls;
    private MethodReferenceBridges methodReferences;

    RewritingClassVisitor(ClassVisitor cv, TypeDescription type, Mode mode, TypeFacts facts,
        Map<String, FieldFacts> ownFields, ConstructorFacts constructors) {
      super(OpenedClassReader.ASM_API, cv);
      this.constructors = constructors;
      this.type = type;
      this.mode = mode;
      this.facts = facts;
      this.ownFields = ownFields;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      classFileVersion = version & 0xFFFF;
      if (mode.unwrapSynchronizedMethods && mode.memoryAccesses) {
        monitorCalls = MonitorCallHelpers.forClass(name, access, classFileVersion, facts);
        methodReferences = MethodReferenceBridges.forClass(name, access, classFileVersion);
      }
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
      sourceFile = source;
      super.visitSource(source, debug);
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
      MethodVisitor rewriting = instrument(mv, name, access, descriptor);
      if (methodReferences != null) rewriting = methodReferences.rewrite(rewriting, name);
      if (unwrap) {
        boolean isStatic = (access & net.bytebuddy.jar.asm.Opcodes.ACC_STATIC) != 0;
        return new SynchronizedMethodUnwrapper(rewriting, type.getInternalName(), isStatic,
            classFileVersion);
      }
      return rewriting;
    }

    /** The rewriting of a bridge {@link MethodReferenceBridges} adds: it creates nothing. */
    private MethodVisitor instrument(MethodVisitor mv, String method) {
      return instrument(mv, method, -1, null);
    }

    /**
     * The rewriting of one method; unless {@code descriptor} is null, its code is held back to
     * find the accesses to objects only this invocation can see ({@link ConfinementPrepass}).
     */
    private MethodVisitor instrument(MethodVisitor mv, String method, int access,
        String descriptor) {
      SiteNamer sites = new SiteNamer(type.getName(), method, sourceFile);
      MethodVisitor rewriting = new SyncPointMethodVisitor(
          new MonitorExitPlacement(mv, classFileVersion), mode, facts, sites,
          type.getInternalName(), method, ownFields, monitorCalls);
      if (mode.memoryAccesses) {
        ConfinedAccesses confined = new ConfinedAccesses();
        rewriting = new FieldAccessVisitor(rewriting, facts, sites, type.getInternalName(),
            ownFields, method, confined);
        if (descriptor != null) {
          rewriting = new ConfinementPrepass(rewriting, access, descriptor, confined,
              constructors);
        }
      }
      return rewriting;
    }

    @Override
    public void visitEnd() {
      // Bridges first: the calls they make may need monitor helpers of their own.
      if (methodReferences != null) methodReferences.addTo(cv, this::instrument);
      if (monitorCalls != null) monitorCalls.addTo(cv);
      super.visitEnd();
    }
  }
}
