package dev.weft.internal.agent;

import net.bytebuddy.jar.asm.Type;

/**
 * JDK calls that use the arrays passed to them only while they run and give no other code a
 * reference to them: passing a confined array to one does not let it escape. Only calls whose
 * arguments are all primitives or arrays of primitives count (besides {@code System.arraycopy},
 * which copies references that were spoilt when they were stored), so no element an array holds
 * is handed to code that could keep it.
 */
final class ArrayKeepingCalls {
  private ArrayKeepingCalls() {}

  /** Whether {@code owner.name descriptor}, called statically, keeps its arguments to itself. */
  static boolean keepsArgumentsPrivate(String owner, String name, String descriptor) {
    if (owner.equals("java/lang/System")) {
      return name.equals("arraycopy")
          && descriptor.equals("(Ljava/lang/Object;ILjava/lang/Object;II)V");
    }
    return owner.equals("java/util/Arrays") && !name.equals("asList") && !name.startsWith("stream")
        && !name.startsWith("spliterator") && !name.startsWith("parallel")
        && !name.equals("setAll") && primitivesOnly(descriptor);
  }

  /** An array's own {@code clone()}: a new array of the same values, the original kept. */
  static boolean isArrayClone(String owner, String name, String descriptor) {
    return owner.startsWith("[") && name.equals("clone")
        && descriptor.equals("()Ljava/lang/Object;");
  }

  /**
   * Whether the call returns an array it has just created and kept no reference to: an array's
   * {@code clone()} and {@code Arrays.copyOf}/{@code copyOfRange} of primitive arrays.
   */
  static boolean returnsNewArray(boolean isStatic, String owner, String name, String descriptor) {
    if (!isStatic) return isArrayClone(owner, name, descriptor);
    return owner.equals("java/util/Arrays") && name.startsWith("copyOf")
        && primitivesOnly(descriptor);
  }

  private static boolean primitivesOnly(String descriptor) {
    for (Type argument : Type.getArgumentTypes(descriptor)) {
      Type element = argument.getSort() == Type.ARRAY ? argument.getElementType() : argument;
      if (element.getSort() == Type.OBJECT) return false;
    }
    return true;
  }
}
