/* The one way the site calls code in a worker: the helper's engine (hulp.js → hulp-worker.js)
 * and the editor's Python (generator/redactie/start.js → redactie-worker.js). A call is
 * {id, method, args}; the worker answers {id, result} or {id, error} with a Dutch message.
 * Messages without an id are the worker's own reports (how far it got, ready, failed) and are
 * left to the page. */

/* The page's side: `call(method, ...args)` resolves with the result or rejects with an Error of
 * the worker's message; `receive(message)` takes an answer in and says whether it was one.
 * `post` sends a message to the worker. */
export function caller(post) {
  let last = 0;
  const waiting = new Map();
  return {
    call(method, ...args) {
      return new Promise((resolve, reject) => {
        last += 1;
        waiting.set(last, { resolve, reject });
        post({ id: last, method, args });
      });
    },
    receive(message) {
      const promise = message && waiting.get(message.id);
      if (!promise) return false;
      waiting.delete(message.id);
      if ("error" in message) promise.reject(new Error(message.error));
      else promise.resolve(message.result);
      return true;
    },
  };
}

/* Calls of `run` of which only the newest matters, such as a check at every key typed: while
 * one runs, a newer call with the same key takes the place of any older one still waiting, and
 * the calls it replaced get its answer (or its error). Keys apart never replace each other.
 * `call(key, ...args)` runs `run(...args)`. */
export function latestOnly(run) {
  const slots = new Map();
  async function drain(key, slot) {
    while (slot.next) {
      const { args, waiting } = slot.next;
      slot.next = null;
      try {
        const result = await run(...args);
        for (const w of waiting) w.resolve(result);
      } catch (error) {
        for (const w of waiting) w.reject(error);
      }
    }
    slots.delete(key);
  }
  return function call(key, ...args) {
    return new Promise((resolve, reject) => {
      let slot = slots.get(key);
      const idle = !slot;
      if (idle) {
        slot = { next: null };
        slots.set(key, slot);
      }
      const waiting = slot.next ? [...slot.next.waiting, { resolve, reject }] : [{ resolve, reject }];
      slot.next = { args, waiting };
      if (idle) drain(key, slot);
    });
  };
}

/* The worker's side: each call runs `handlers[method](...args)` (which may be async), or
 * `handlers(method, args)` when it is one function, and is answered; a handler that throws
 * answers with its message. Messages without an id are left to the worker's own listeners. */
export function answerCalls(scope, handlers) {
  scope.addEventListener("message", async ({ data }) => {
    if (!data || data.id === undefined) return;
    const { id, method, args = [] } = data;
    try {
      if (typeof handlers === "function") {
        scope.postMessage({ id, result: await handlers(method, args) });
        return;
      }
      if (!Object.hasOwn(handlers, method)) throw new Error(`onbekende vraag '${method}'`);
      scope.postMessage({ id, result: await handlers[method](...args) });
    } catch (error) {
      scope.postMessage({ id, error: String((error && error.message) || error) });
    }
  });
}

/* The worker's side when Python answers: every call goes to the function that
 * meldcode_engine/worker.py `expose` made (method and arguments as JSON text in, `{ok}` or
 * `{fout}` as JSON text out), which knows its methods. `python()` gives that function, or a
 * promise of it, or throws while there is none. */
export function answerFromPython(scope, python) {
  answerCalls(scope, async (method, args) => fromPython((await python())(method, JSON.stringify(args))));
}

/* One answer of `expose`: its result, or an Error with its Dutch message. */
export function fromPython(text) {
  const answer = JSON.parse(text);
  if ("fout" in answer) throw new Error(answer.fout);
  return answer.ok;
}
