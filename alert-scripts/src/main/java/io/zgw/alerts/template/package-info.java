/**
 * A Go {@code text/template} interpreter with Alertmanager's template functions and
 * default templates, for the templated fields of an {@code alertmanager.yml}.
 */
@NullMarked
package io.zgw.alerts.template;

import org.jspecify.annotations.NullMarked;
