/**
 * Helpers Tunekit's own modules share (samplers, pruners, storage): JSON attribute values and
 * their equality, and the mutable form of a trial that storages assemble snapshots with. Not
 * part of the public API: the package is exported only to Tunekit's modules and may change in
 * any release.
 */
package io.tunekit.internal;
