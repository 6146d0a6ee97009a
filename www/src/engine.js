// The main thread's side of the validation worker (src/worker.js): promise
// calls, and validation requests coalesced so that at most one runs and one
// waits (the newest text); older waiting requests resolve to `null`.

export class Engine {
  constructor() {
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name: "speclint" });
    this.next = 1;
    this.calls = new Map();
    this.validating = false;
    this.waiting = null;
    this.onBusy = () => {};
    this.worker.onmessage = (event) => {
      const { id, ok, value, error, ms } = event.data;
      const call = this.calls.get(id);
      if (!call) return;
      this.calls.delete(id);
      if (ok) call.resolve({ value, ms });
      else call.reject(new Error(error));
    };
    this.worker.onerror = (event) => {
      const error = new Error(`the validation worker failed: ${event.message || "could not load"}`);
      for (const call of this.calls.values()) call.reject(error);
      this.calls.clear();
      this.failed = error;
    };
  }

  /** Runs `op` in the worker: resolves `{ value, ms }` (ms: time spent in speclint), rejects with its error. */
  call(op, args = {}) {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  /** Validates `text`; resolves `null` when a newer request replaced this one before it ran. */
  validate(text, config) {
    return new Promise((resolve, reject) => {
      if (this.waiting) this.waiting.resolve(null);
      this.waiting = { text, config, resolve, reject };
      this.pump();
    });
  }

  pump() {
    if (this.validating || !this.waiting) {
      this.onBusy(this.validating);
      return;
    }
    const job = this.waiting;
    this.waiting = null;
    this.validating = true;
    this.onBusy(true);
    this.call("validate", { text: job.text, config: job.config })
      .then(job.resolve, job.reject)
      .finally(() => {
        this.validating = false;
        this.pump();
      });
  }
}

/** The page's one engine, started as soon as the page's entry (src/boot.js) runs. */
export const engine = new Engine();
