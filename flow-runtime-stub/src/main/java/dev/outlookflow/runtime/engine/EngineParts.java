package dev.outlookflow.runtime.engine;

import dev.outlookflow.runtime.connections.ConnectionService;
import dev.outlookflow.runtime.environment.RuntimeEnvironment;
import dev.outlookflow.runtime.plugins.ExtensionRegistry;
import dev.outlookflow.runtime.secrets.MasterKeys;
import dev.outlookflow.runtime.store.RunStore;
import io.vertx.core.WorkerExecutor;

/** What every run execution needs. */
record EngineParts(
    ExtensionRegistry registry,
    RunStore runs,
    ConnectionService connections,
    StepInputs inputs,
    MasterKeys masterKeys,
    RuntimeEnvironment environment,
    WorkerExecutor payloads,
    RunTransitions transitions) {}
