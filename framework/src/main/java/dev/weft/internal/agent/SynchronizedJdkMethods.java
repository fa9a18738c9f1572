package dev.weft.internal.agent;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.Type;

/**
 * The {@code synchronized} instance methods of the JDK classes that applications share between
 * threads and extend ({@code Vector}, {@code Hashtable}, {@code StringBuffer}, {@code Observable},
 * ...). The JVM takes such a method's monitor before its first instruction, and a JDK class cannot
 * lose its {@code ACC_SYNCHRONIZED} flag in a retransformation, so the monitor is modelled at the
 * application's call instead: a call whose name and descriptor one of these methods has is routed
 * through a helper that asks, for the receiver's class, whether the method the call really
 * dispatches to is synchronized (see {@link MonitorCallHelpers}).
 *
 * <p>Signatures are numbered once per JVM, in a fixed order, so that a class transformed twice gets
 * the same helpers.
 */
public final class SynchronizedJdkMethods {
  private SynchronizedJdkMethods() {}

  /** JDK classes whose synchronized methods guard state applications share. */
  private static final List<Class<?>> DECLARING = List.of(java.util.Vector.class,
      java.util.Stack.class, java.util.Hashtable.class, java.util.Properties.class,
      java.util.Observable.class, StringBuffer.class, java.util.Random.class,
      java.io.ByteArrayOutputStream.class, java.io.ByteArrayInputStream.class,
      java.io.BufferedInputStream.class, java.io.BufferedOutputStream.class,
      java.io.PushbackInputStream.class, java.io.PipedInputStream.class);

  private static final Map<String, Integer> IDS = new HashMap<>();
  private static final List<String> SIGNATURES = new ArrayList<>();
  /** Per signature id, the internal names of the JDK classes that declare it synchronized. */
  private static final List<List<String>> DECLARED_IN = new ArrayList<>();
  private static final Set<String> NAMES = new HashSet<>();
  /** Every JDK class or interface a receiver of a declaring class can be typed as. */
  private static final Set<String> SUPERTYPES = new HashSet<>();

  static {
    for (Class<?> c : DECLARING) {
      for (Class<?> s = c; s != null; s = s.getSuperclass()) addWithInterfaces(s);
      String owner = Type.getInternalName(c);
      List<Method> methods = new ArrayList<>(List.of(c.getDeclaredMethods()));
      methods.sort((a, b) -> signature(a).compareTo(signature(b)));
      for (Method m : methods) {
        int mod = m.getModifiers();
        if (!Modifier.isSynchronized(mod) || Modifier.isStatic(mod) || m.isBridge()
            || !(Modifier.isPublic(mod) || Modifier.isProtected(mod))) {
          continue;
        }
        String signature = signature(m);
        Integer id = IDS.get(signature);
        if (id == null) {
          id = SIGNATURES.size();
          IDS.put(signature, id);
          SIGNATURES.add(signature);
          DECLARED_IN.add(new ArrayList<>());
          NAMES.add(m.getName());
        }
        DECLARED_IN.get(id).add(owner);
      }
    }
  }

  private static void addWithInterfaces(Class<?> type) {
    if (!SUPERTYPES.add(Type.getInternalName(type))) return;
    for (Class<?> i : type.getInterfaces()) addWithInterfaces(i);
  }

  private static String signature(Method m) {
    return m.getName() + Type.getMethodDescriptor(m);
  }

  /**
   * The id of {@code name + descriptor} when some modelled JDK class declares it synchronized,
   * else -1. Cheap for the common case: most method names are not among them.
   */
  static int id(String name, String descriptor) {
    if (!NAMES.contains(name)) return -1;
    Integer id = IDS.get(name + descriptor);
    return id == null ? -1 : id;
  }

  /** The internal names of the JDK classes that declare signature {@code id} synchronized. */
  static List<String> declaredIn(int id) {
    return DECLARED_IN.get(id);
  }

  /** Whether a JDK type can hold an instance of a declaring class (Object, List, Map, ...). */
  static boolean isSupertypeOfDeclaring(String internalName) {
    return SUPERTYPES.contains(internalName);
  }

  /**
   * The number of signatures; called once when the agent installs, which also makes the first
   * use of a {@code ClassValue} here happen outside a transformation: loading {@code ClassValue}'s
   * own classes from inside one fails with a {@code ClassCircularityError} that poisons every
   * later {@code ClassValue} of the JVM.
   */
  static int count() {
    VERDICTS.get(SynchronizedJdkMethods.class);
    return SIGNATURES.size();
  }

  /**
   * Whether a call with signature {@code id} on an instance of {@code receiver} runs a method
   * that holds the receiver's monitor: the one the JVM selects, which is the first declaration up
   * the class chain (interfaces cannot declare synchronized methods). An application override
   * that is not synchronized (a bridge included), or whose flag Weft removed because it models
   * the monitor itself, answers no. Computed once per class and signature.
   */
  public static boolean resolvesToSynchronized(Class<?> receiver, int id) {
    byte[] known = VERDICTS.get(receiver);
    byte verdict = known[id];
    if (verdict == 0) {
      verdict = resolve(receiver, SIGNATURES.get(id)) ? YES : NO;
      known[id] = verdict;
    }
    return verdict == YES;
  }

  private static final byte YES = 1;
  private static final byte NO = 2;

  /** Benign races: two threads compute the same verdict. */
  private static final ClassValue<byte[]> VERDICTS = new ClassValue<>() {
    @Override
    protected byte[] computeValue(Class<?> type) {
      return new byte[SIGNATURES.size()];
    }
  };

  private static boolean resolve(Class<?> receiver, String signature) {
    int paren = signature.indexOf('(');
    String name = signature.substring(0, paren);
    String descriptor = signature.substring(paren);
    for (Class<?> c = receiver; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        int mod = m.getModifiers();
        // Private and static methods do not override; a bridge does (and is never synchronized).
        if (Modifier.isPrivate(mod) || Modifier.isStatic(mod) || !m.getName().equals(name)
            || !Type.getMethodDescriptor(m).equals(descriptor)) {
          continue;
        }
        return Modifier.isSynchronized(mod) && !Modifier.isAbstract(mod);
      }
    }
    return false;
  }
}
