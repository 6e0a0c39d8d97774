// Reconnect shim for the 9.0 blazor.web.js served by this .NET 10 app (see Build/BlazorScript.targets).
// The 9.0 script signals reconnection by toggling components-reconnect-{show,hide,failed,rejected} classes on
// #components-reconnect-modal; the .NET 10 template's script waits for events it never raises. We map the classes
// to dialog states, keep retrying while the server is down, and reload once the server answers but no longer
// knows the circuit (e.g. after a restart). .NET 10 circuit pause/resume is not available with this script.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) {
        return;
    }

    let retryTimer = 0;

    const scheduleRetry = () => {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(retry, 1000);
    };

    async function retry() {
        try {
            const reconnected = await window.Blazor.reconnect();
            if (!reconnected) {
                // Server reachable, circuit gone: a fresh page is the quickest way back.
                location.reload();
            }
        } catch {
            scheduleRetry();
        }
    }

    const apply = () => {
        const classes = modal.classList;
        if (classes.contains("components-reconnect-rejected")) {
            location.reload();
            return;
        }
        if (classes.contains("components-reconnect-show") || classes.contains("components-reconnect-failed")) {
            modal.dataset.state = classes.contains("components-reconnect-failed") ? "failed" : "show";
            if (!modal.open) {
                modal.showModal();
            }
        }
        if (classes.contains("components-reconnect-failed")) {
            scheduleRetry();
        }
        if (classes.contains("components-reconnect-hide")) {
            clearTimeout(retryTimer);
            if (modal.open) {
                modal.close();
            }
        }
    };

    new MutationObserver(apply).observe(modal, { attributes: true, attributeFilter: ["class"] });
    document.getElementById("components-reconnect-button")?.addEventListener("click", retry);
})();
