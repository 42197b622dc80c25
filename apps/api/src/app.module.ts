import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { CasesModule } from './cases/cases.module';
import { CoreModule } from './core/core.module';
import type { CoreOptions } from './core/core.module';
import { ErrorsToGraphQLFilter } from './graphql/errors-to-graphql.filter';
import { graphQLConfig } from './graphql/graphql.config';
import { HealthController } from './health/health.controller';
import { ProjectionsModule } from './projections/projections.module';

@Module({})
export class AppModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        AuthModule,
        ProjectionsModule,
        CasesModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [AuthService],
          useFactory: (auth: AuthService) => graphQLConfig(auth, options.config, options.logger),
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ErrorsToGraphQLFilter }],
    };
  }
}
