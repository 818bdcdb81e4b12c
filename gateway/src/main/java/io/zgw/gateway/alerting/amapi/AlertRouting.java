package io.zgw.gateway.alerting.amapi;

import java.util.List;

import io.zgw.alerts.model.LabelSet;

/**
 * AlertRouting is the seam to the routing tree: which receivers an alert goes to, all
 * receiver names, and the routing file as written.
 */
public interface AlertRouting {

	/** Returns the receivers the alert is routed to. */
	List<String> receiversFor(LabelSet labels);

	/** Returns every configured receiver name. */
	List<String> receiverNames();

	/** Returns the routing configuration's original text, shown by the status API. */
	String originalConfig();

}
