package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.ACC_INTERFACE;
import static net.bytebuddy.jar.asm.Opcodes.ACC_PRIVATE;
import static net.bytebuddy.jar.asm.Opcodes.ACC_STATIC;
import static net.bytebuddy.jar.asm.Opcodes.ACC_SYNTHETIC;
import static net.bytebuddy.jar.asm.Opcodes.H_INVOKEINTERFACE;
import static net.bytebuddy.jar.asm.Opcodes.H_INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.H_INVOKEVIRTUAL;
import static net.bytebuddy.jar.asm.Opcodes.ILOAD;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEINTERFACE;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEVIRTUAL;
import static net.bytebuddy.jar.asm.Opcodes.IRETURN;
import static net.bytebuddy.jar.asm.Opcodes.V9;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Makes the calls of method references visible: {@code new Thread(list::clear)} and {@code
 * forEach(ids::add)} call the collection from the hidden class {@code LambdaMetafactory}
 * generates, which no agent can rewrite and no stack walk shows, so the call was nobody's. Where
 * such a reference targets a call the rewriter announces (a collection or a tracked JDK object),
 * its {@code invokedynamic} is given a private static bridge in the class instead, as javac does
 * for a lambda: {@code lambda$main$ref0(List list) { list.clear(); }}, at the line that created
 * the reference. The bridge is instrumented like any method of the class, so the call is
 * announced from that line; the reference behaves as before (same captured values, same types,
 * the same checks by the metafactory).
 *
 * <p>Serializable references keep their target: their deserialization checks its name. Like
 * {@link MonitorCallHelpers}, bridges are added only where a class may get methods: at load
 * time, and for an interface only from Java 9 class files on. Which references get one depends
 * on the class file alone, so a class transformed again gets the same methods.
 */
final class MethodReferenceBridges {
  private static final String METAFACTORY_OWNER = "java/lang/invoke/LambdaMetafactory";
  /** {@code LambdaMetafactory.FLAG_SERIALIZABLE}. */
  private static final int FLAG_SERIALIZABLE = 1;

  private record Bridge(String name, String descriptor, Handle target, int line) {}

  private final String classInternalName;
  private final boolean classIsInterface;
  private final Map<String, Bridge> bridges = new LinkedHashMap<>();

  private MethodReferenceBridges(String classInternalName, boolean classIsInterface) {
    this.classInternalName = classInternalName;
    this.classIsInterface = classIsInterface;
  }

  /** Bridges for one class transformed at load time, or null where none can be added. */
  static MethodReferenceBridges forClass(String internalName, int access, int classFileVersion) {
    boolean isInterface = (access & ACC_INTERFACE) != 0;
    if (isInterface && classFileVersion < V9) return null;
    return new MethodReferenceBridges(internalName, isInterface);
  }

  /** Wraps a method's visitor: its method references to announced calls go through bridges. */
  MethodVisitor rewrite(MethodVisitor next, String enclosingMethod) {
    return new MethodVisitor(OpenedClassReader.ASM_API, next) {
      private int line = -1;

      @Override
      public void visitLineNumber(int lineNumber, Label start) {
        line = lineNumber;
        super.visitLineNumber(lineNumber, start);
      }

      @Override
      public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
          Object... arguments) {
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap,
            bridged(bootstrap, arguments, enclosingMethod, line));
      }
    };
  }

  private Object[] bridged(Handle bootstrap, Object[] arguments, String enclosingMethod,
      int line) {
    if (!isMetafactory(bootstrap, arguments) || !(arguments[1] instanceof Handle target)) {
      return arguments;
    }
    int opcode;
    if (target.getTag() == H_INVOKEVIRTUAL) {
      opcode = INVOKEVIRTUAL;
    } else if (target.getTag() == H_INVOKEINTERFACE) {
      opcode = INVOKEINTERFACE;
    } else {
      return arguments;
    }
    String owner = target.getOwner();
    if (owner.startsWith("[")
        || !(CollectionCallSites.isCollectionCall(opcode, owner, target.getName())
            || JdkObjectTargets.isObjectCall(opcode, owner, target.getName()))) {
      return arguments;
    }
    String key = target + "@" + line;
    Bridge bridge = bridges.get(key);
    if (bridge == null) {
      String descriptor = "(L" + owner + ";" + target.getDesc().substring(1);
      bridge = new Bridge("lambda$" + readable(enclosingMethod) + "$ref" + bridges.size(),
          descriptor, target, line);
      bridges.put(key, bridge);
    }
    Object[] changed = arguments.clone();
    changed[1] = new Handle(H_INVOKESTATIC, classInternalName, bridge.name, bridge.descriptor,
        classIsInterface);
    return changed;
  }

  /** {@code metafactory}, or {@code altMetafactory} for a reference that is not serializable. */
  private static boolean isMetafactory(Handle bootstrap, Object[] arguments) {
    if (!bootstrap.getOwner().equals(METAFACTORY_OWNER) || arguments.length < 3) return false;
    if (bootstrap.getName().equals("metafactory")) return true;
    return bootstrap.getName().equals("altMetafactory") && arguments.length > 3
        && arguments[3] instanceof Integer flags && (flags & FLAG_SERIALIZABLE) == 0;
  }

  /**
   * As javac names lambdas: {@code new} for constructors, {@code static} for initializers, and
   * inside a lambda ({@code lambda$main$0}) the method that holds it ({@code main}).
   */
  private static String readable(String method) {
    if (method.equals("<init>")) return "new";
    if (method.equals("<clinit>")) return "static";
    if (method.startsWith("lambda$")) {
      int end = method.lastIndexOf('$');
      if (end > "lambda$".length()) return method.substring("lambda$".length(), end);
    }
    return method;
  }

  /**
   * Adds the bridges, each through {@code instrument} (given the bridge's visitor and name), so
   * that its call is rewritten like the class's own; before {@code visitEnd} and before the
   * helpers such rewriting may add.
   */
  void addTo(ClassVisitor cv, BiFunction<MethodVisitor, String, MethodVisitor> instrument) {
    for (Bridge bridge : bridges.values()) {
      MethodVisitor mv = instrument.apply(cv.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC,
          bridge.name, bridge.descriptor, null, null), bridge.name);
      mv.visitCode();
      if (bridge.line >= 0) {
        Label start = new Label();
        mv.visitLabel(start);
        mv.visitLineNumber(bridge.line, start);
      }
      Type type = Type.getMethodType(bridge.descriptor);
      int slot = 0;
      for (Type parameter : type.getArgumentTypes()) {
        mv.visitVarInsn(parameter.getOpcode(ILOAD), slot);
        slot += parameter.getSize();
      }
      Handle target = bridge.target;
      mv.visitMethodInsn(target.getTag() == H_INVOKEINTERFACE ? INVOKEINTERFACE : INVOKEVIRTUAL,
          target.getOwner(), target.getName(), target.getDesc(), target.isInterface());
      mv.visitInsn(type.getReturnType().getOpcode(IRETURN));
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }
}
