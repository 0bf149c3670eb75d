/**
 * Parts the samplers of this module share. Not part of Tunekit's API: the module exports this
 * package only to Tunekit's own modules, and its types may change in any release.
 */
package io.tunekit.samplers.internal;
