/** Jinja template rendering of configs, the way Airflow renders an operator's templated fields. */
export { renderTemplates } from './renderTemplates.js';
export {
  TemplateRenderError,
  isTemplateRenderError,
  TemplateUndefinedError,
  isTemplateUndefinedError,
  TemplateForbiddenError,
  isTemplateForbiddenError,
} from './TemplateRenderError.js';
