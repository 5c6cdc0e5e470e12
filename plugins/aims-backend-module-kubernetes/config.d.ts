export interface Config {
  aims?: {
    sources?: {
      /** The Kubernetes deployment source (`@aims-backstage/backstage-plugin-aims-backend-module-kubernetes`). */
      kubernetes?: {
        /** Workload label or annotation holding the environment. Default `environment`. */
        environmentLabel?: string;
        /** Environment per Kubernetes cluster name, when a workload has no environment label. */
        clusterEnvironments?: { [cluster: string]: string };
        /**
         * Regexes on container images, first match wins. Named groups `aiSystem`, `model`,
         * `provider`, `version`; the fixed fields fill in what the regex does not capture.
         */
        imagePatterns?: Array<{
          pattern: string;
          aiSystem?: string;
          model?: string;
          provider?: string;
          version?: string;
        }>;
        /** Like imagePatterns, on KServe InferenceService `spec.predictor.model.storageUri`. */
        storageUriPatterns?: Array<{
          pattern: string;
          aiSystem?: string;
          model?: string;
          provider?: string;
          version?: string;
        }>;
        /** Components read from the Kubernetes plugin at a time. Default 4. */
        concurrency?: number;
      };
    };
  };
}
