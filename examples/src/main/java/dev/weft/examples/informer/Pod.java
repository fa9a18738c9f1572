package dev.weft.examples.informer;

/** The part of a Kubernetes pod the operator cares about, as an informer event delivers it. */
public record Pod(String namespace, String name, Phase phase) {

  /** A pod's lifecycle phase. */
  public enum Phase { PENDING, RUNNING, FAILED }

  /** The cache key, {@code namespace/name}, as in client-go's {@code MetaNamespaceKeyFunc}. */
  public String key() {
    return namespace + "/" + name;
  }
}
