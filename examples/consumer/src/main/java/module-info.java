/** A user's application: it needs Tunekit's modules and nothing else. */
module com.example.consumer {
    requires io.tunekit.core;
    requires io.tunekit.samplers;
    requires io.tunekit.pruners;
    requires io.tunekit.storage;
}
